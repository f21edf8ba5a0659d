using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace TeGen.Sandbox.Domain;

// Notifications the rules decided to send, in the order of the changes; the sender reads them outside the store lock.
internal sealed class WebhookOutbox
{
    private readonly Channel<OutgoingWebhook> _queue = Channel.CreateUnbounded<OutgoingWebhook>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<OutgoingWebhook> Reader => _queue.Reader;

    public void Add(OutgoingWebhook notification) => _queue.Writer.TryWrite(notification);
}

// One notification for one subscription, its body complete (the secret as it was when the change happened).
internal sealed record OutgoingWebhook(string SubscriptionId, string Url, JsonObject Body, DateTimeOffset QueuedAt);
