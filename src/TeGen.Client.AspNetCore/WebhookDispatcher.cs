using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TeGen.Client.AspNetCore;

// Reads the queue in order: drops a notification repeating its record's latest hash value, hands the others to the
// application's handler in a scope of their own. A failing handler is logged and does not stop the next event.
internal sealed partial class WebhookDispatcher(
    WebhookQueue queue, ITotalExpertWebhookDeduplicationStore deduplication, IServiceScopeFactory scopes, ILogger<WebhookDispatcher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var notification in queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                await DispatchAsync(notification, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task DispatchAsync(WebhookNotification notification, CancellationToken stoppingToken)
    {
        try
        {
            if (!await deduplication.IsNewAsync(notification.Item, notification.Id, notification.HashValue, stoppingToken).ConfigureAwait(false))
            {
                LogDuplicate(logger, notification.Item, notification.Action, notification.Id);
                return;
            }

            await using var scope = scopes.CreateAsyncScope();
            var handler = scope.ServiceProvider.GetRequiredService<ITotalExpertWebhookHandler>();
            await handler.HandleAsync(notification.ToEvent(), stoppingToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            LogHandlerFailed(logger, e, notification.Item, notification.Action, notification.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "TE webhook {Item} {Action} for {Id} repeats the record's latest hashValue; not delivered")]
    private static partial void LogDuplicate(ILogger logger, string item, string action, long id);

    [LoggerMessage(Level = LogLevel.Error, Message = "The TE webhook handler failed on {Item} {Action} for {Id}")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string item, string action, long id);
}
