namespace TeGen.Client.Rules;

/// <summary>
/// The <c>item</c>/<c>action</c> pairs of <c>/v1/webhook-actions</c>, read once per connection and cached, so a
/// subscription naming one TE does not offer is refused before it is sent. A failed read is not cached.
/// </summary>
internal sealed class WebhookActionCatalog
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IReadOnlyList<WebhookAction>? _actions;

    public async ValueTask<IReadOnlyList<WebhookAction>> GetAsync(IWebhooksClient client, CancellationToken cancellationToken)
    {
        if (_actions is { } known)
        {
            return known;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_actions is null)
            {
                var actions = new List<WebhookAction>();
                await foreach (var action in client.ListAllWebhookActionsAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
                {
                    actions.Add(action);
                }

                _actions = actions;
            }

            return _actions;
        }
        finally
        {
            _gate.Release();
        }
    }
}
