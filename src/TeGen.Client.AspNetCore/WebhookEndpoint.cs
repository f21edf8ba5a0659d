using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TeGen.Client.AspNetCore;

// One notification: read (413 when too large, 400 when not TE's shape), authenticated (401, nothing delivered),
// queued (503 when the queue is full, so TE retries), answered 200 without waiting for the application.
internal static partial class WebhookEndpoint
{
    public static async Task HandleAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var options = services.GetRequiredService<IOptions<TotalExpertWebhookOptions>>().Value;
        var logger = services.GetRequiredService<ILogger<TotalExpertWebhookOptions>>();
        var body = await ReadAsync(context.Request, options.MaxBodyBytes, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        if (WebhookNotification.Parse(body) is not { } notification)
        {
            LogMalformed(logger);
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (!services.GetRequiredService<TotalExpertWebhookSecrets>().Accepts(notification.Secret))
        {
            LogWrongSecret(logger, notification.Item, notification.Action, notification.Id, context.Connection.RemoteIpAddress?.ToString());
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        if (!services.GetRequiredService<WebhookQueue>().TryAdd(notification with { Secret = null }))
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "60";
            return;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    // The body, or null when it is longer than the limit.
    private static async Task<byte[]?> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A TE webhook notification was refused: the body is not TE's notification JSON")]
    private static partial void LogMalformed(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A TE webhook notification ({Item} {Action} for {Id}) from {RemoteIp} was refused: wrong secret")]
    private static partial void LogWrongSecret(ILogger logger, string item, string action, long id, string? remoteIp);
}
