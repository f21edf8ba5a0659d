using TeGen.Sandbox.Domain;
using TeGen.Sandbox.Inspection;

namespace TeGen.Sandbox.Webhooks;

// Sends the outbox's notifications one at a time, in order, to loopback URLs only, retrying failures with doubling
// delays on the sandbox's clock (SandboxWebhookOptions). Stops with the host.
internal sealed class WebhookSender(WebhookOutbox outbox, WebhookLog log, SandboxWebhookOptions options, TimeProvider clock)
{
    private readonly CancellationTokenSource _stop = new();

    public void Start() => _ = Task.Run(RunAsync);

    public void Stop() => _stop.Cancel();

    private async Task RunAsync()
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false }) { Timeout = Timeout.InfiniteTimeSpan };
        try
        {
            await foreach (var notification in outbox.Reader.ReadAllAsync(_stop.Token))
            {
                await DeliverAsync(http, notification, _stop.Token);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    }

    private async Task DeliverAsync(HttpClient http, OutgoingWebhook notification, CancellationToken stopping)
    {
        var entry = log.Start(notification.SubscriptionId, notification.Url, notification.Body, notification.QueuedAt);
        if (!Uri.TryCreate(notification.Url, UriKind.Absolute, out var url) || !WebhookSubscriptionRules.IsLoopback(url))
        {
            log.Attempted(entry, new WebhookAttempt(clock.GetUtcNow(), 0, "not sent: the sandbox sends to loopback hosts only"), WebhookDeliveryStatus.Skipped);
            return;
        }

        var delay = options.FirstRetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            var at = clock.GetUtcNow();
            var (status, error) = await AttemptAsync(http, url, notification, stopping);
            var delivered = status is >= 200 and < 300;
            var last = delivered || attempt >= options.MaxAttempts;

            // The retry's timer starts before the attempt is logged, so whoever reads the log and moves the clock moves it.
            var retry = last ? null : Task.Delay(delay, clock, stopping);
            log.Attempted(entry, new WebhookAttempt(at, status, error), delivered ? WebhookDeliveryStatus.Delivered : last ? WebhookDeliveryStatus.Failed : WebhookDeliveryStatus.Pending);
            if (retry is null)
            {
                return;
            }

            await retry;
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.MaxRetryDelay.Ticks));
        }
    }

    private async Task<(int Status, string? Error)> AttemptAsync(HttpClient http, Uri url, OutgoingWebhook notification, CancellationToken stopping)
    {
        using var timeout = new CancellationTokenSource(options.AttemptTimeout, clock);
        using var both = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, stopping);
        try
        {
            using var response = await http.PostAsJsonAsync(url, notification.Body, both.Token);
            return ((int)response.StatusCode, null);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !stopping.IsCancellationRequested)
        {
            return (0, $"no answer within {options.AttemptTimeout}");
        }
        catch (HttpRequestException e)
        {
            return (0, e.Message);
        }
    }
}
