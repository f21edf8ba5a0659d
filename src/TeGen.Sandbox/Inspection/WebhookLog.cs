using System.Text.Json.Nodes;

namespace TeGen.Sandbox.Inspection;

// What the webhook sender did, for the inspector: every notification it took and every attempt.
internal sealed class WebhookLog
{
    private readonly object _gate = new();
    private readonly List<SentWebhook> _sent = [];

    public int Start(string subscriptionId, string url, JsonObject body, DateTimeOffset queuedAt)
    {
        lock (_gate)
        {
            _sent.Add(new SentWebhook(_sent.Count + 1, subscriptionId, url, body, queuedAt, WebhookDeliveryStatus.Pending, []));
            return _sent.Count - 1;
        }
    }

    public void Attempted(int index, WebhookAttempt attempt, WebhookDeliveryStatus status) => Update(index, sent => sent with { Status = status, Attempts = [.. sent.Attempts, attempt] });

    public void Finished(int index, WebhookDeliveryStatus status) => Update(index, sent => sent with { Status = status });

    public IReadOnlyList<SentWebhook> Snapshot()
    {
        lock (_gate)
        {
            return [.. _sent.Select(sent => sent with { Body = (JsonObject)sent.Body.DeepClone() })];
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _sent.Clear();
        }
    }

    // A reset while a notification is being sent leaves that notification unlogged.
    private void Update(int index, Func<SentWebhook, SentWebhook> change)
    {
        lock (_gate)
        {
            if (index < _sent.Count)
            {
                _sent[index] = change(_sent[index]);
            }
        }
    }
}
