using System.Threading.Channels;
using TeGen.Client.AspNetCore;

namespace TeGen.Samples.Webhooks;

// The application's handler: prints each event and passes it on, so the sample knows when all have arrived.
internal sealed class PrintingHandler(Channel<TotalExpertWebhookEvent> received) : ITotalExpertWebhookHandler
{
    public async Task HandleAsync(TotalExpertWebhookEvent webhookEvent, CancellationToken cancellationToken)
    {
        var what = webhookEvent switch
        {
            ContactCreated => "contact created",
            ContactUpdated => "contact updated",
            ContactDeleted => "contact deleted",
            EmailUnsubscribeUpdated => "e-mail unsubscribe updated",
            _ => $"{webhookEvent.Item} {webhookEvent.Action} (no typed event)",
        };
        Console.WriteLine($"  event            {what,-28} #{webhookEvent.Id}  hashValue {webhookEvent.HashValue[..16]}…");
        await received.Writer.WriteAsync(webhookEvent, cancellationToken);
    }
}
