using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace TeGen.Client.AspNetCore;

// Between the endpoint, which answers TE at once, and the dispatcher, which hands events to the application in order.
internal sealed class WebhookQueue(IOptions<TotalExpertWebhookOptions> options)
{
    private readonly Channel<WebhookNotification> _channel = Channel.CreateBounded<WebhookNotification>(
        new BoundedChannelOptions(options.Value.QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    public ChannelReader<WebhookNotification> Reader => _channel.Reader;

    public bool TryAdd(WebhookNotification notification) => _channel.Writer.TryWrite(notification);
}
