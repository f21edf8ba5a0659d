namespace TeGen.Client.Rules;

/// <summary>
/// What TeGen checks on a webhook subscription before sending it (docs/te-api.md, "Webhooks"): an absolute HTTPS
/// <c>url</c> (plain HTTP on a loopback host only while the connection itself talks to a loopback host, i.e. a local
/// sandbox); a <c>secret</c> of <see cref="MinSecretLength"/> to <see cref="MaxSecretLength"/> characters, required on a
/// create (TeGen's receiver authenticates every notification by it); <c>actions</c> among <c>/v1/webhook-actions</c>.
/// </summary>
internal sealed class WebhookSubscriptionRules(Uri baseUrl, WebhookActionCatalog catalog, IWebhooksClient lookup)
{
    /// <summary>TE's limit.</summary>
    public const int MaxSecretLength = 255;

    /// <summary>TE suggests 32 to 64 random hexadecimal characters; a shorter secret is refused, as it is all that authenticates a notification.</summary>
    public const int MinSecretLength = 32;

    public async ValueTask CheckAsync(WebhookSubscriptionFields subscription, bool creating, List<RequestProblem> problems, CancellationToken cancellationToken)
    {
        if (subscription.Url is not null || creating)
        {
            CheckUrl(subscription.Url, problems);
        }

        if (subscription.Secret is not null || creating)
        {
            CheckSecret(subscription.Secret, problems);
        }

        if (creating && subscription.Actions is not { Count: > 0 })
        {
            problems.Add(new("actions", "names no item/action pair; TE sends only what a subscription names (see /v1/webhook-actions)"));
        }

        if (subscription.Actions is { Count: > 0 } actions && problems.Count == 0)
        {
            var known = await catalog.GetAsync(lookup, cancellationToken).ConfigureAwait(false);
            var unknown = actions.Where(action => !known.Any(k => Same(k.Item, action.Item) && Same(k.Action, action.Action))).ToList();
            if (unknown.Count > 0)
            {
                problems.Add(new("actions", $"{string.Join(", ", unknown.Select(Describe))} {(unknown.Count == 1 ? "is" : "are")} not offered by TE; /v1/webhook-actions lists {string.Join(", ", known.Select(Describe))}"));
            }
        }
    }

    private void CheckUrl(string? url, List<RequestProblem> problems)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            problems.Add(new("url", "must be an absolute HTTPS URL (TE posts notifications there)"));
        }
        else if (uri.Scheme == Uri.UriSchemeHttp && !(uri.IsLoopback && baseUrl.IsLoopback))
        {
            problems.Add(new("url", "must use HTTPS: TE posts notifications only to HTTPS URLs with a valid certificate"));
        }
    }

    private static void CheckSecret(string? secret, List<RequestProblem> problems)
    {
        if (secret is null || secret.Length < MinSecretLength)
        {
            problems.Add(new("secret", $"must be at least {MinSecretLength} characters (TE suggests 32 to 64 random hexadecimal characters; TotalExpertWebhookSecret.Generate() makes one)"));
        }
        else if (secret.Length > MaxSecretLength)
        {
            problems.Add(new("secret", $"is {secret.Length} characters; TE takes at most {MaxSecretLength}"));
        }
    }

    private static bool Same(string? a, string? b) => string.Equals(a?.Trim(), b?.Trim(), StringComparison.OrdinalIgnoreCase);

    private static string Describe(WebhookAction action) => $"{action.Item} {action.Action}";
}
