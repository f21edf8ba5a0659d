using TeGen.Sandbox.Http;
using TeGen.Sandbox.Replies;

namespace TeGen.Sandbox.Faults;

internal static class FaultMiddleware
{
    public const string DroppedItem = "TeGen.Sandbox.Dropped";

    public static async Task InvokeAsync(HttpContext context, RequestDelegate next, FaultInjector faults)
    {
        if (!RequestPaths.IsV1(context))
        {
            await next(context);
            return;
        }

        var plan = faults.Plan(context.Request.Method, context.Request.Path.Value ?? "");

        // Wall-clock time rather than the options' TimeProvider: with a frozen fake clock the request would never end.
        if (plan.Latency > TimeSpan.Zero)
        {
            await Task.Delay(plan.Latency, context.RequestAborted);
        }

        if (plan.Before is { } before)
        {
            await StrikeAsync(context, before, processed: null);
            return;
        }

        if (plan.After is not { } after)
        {
            await next(context);
            return;
        }

        // The answer is held back so that it can be replaced or withheld after the request was processed.
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        await StrikeAsync(context, after, buffer.ToArray());
    }

    private static async Task StrikeAsync(HttpContext context, FaultRule rule, byte[]? processed)
    {
        switch (rule.Kind)
        {
            case FaultKind.Drop:
                context.Items[DroppedItem] = true;
                context.Abort();
                break;
            case FaultKind.TooManyRequests:
                await TeHttp.WriteAsync(context, TeErrors.TooManyRequests(rule.RetryAfterSeconds, "Too many requests: retry later").Reply);
                break;
            case FaultKind.ServerError:
                context.Response.Clear();
                await TeHttp.WriteAsync(context, TeErrors.Status(rule.Status, rule.Status == StatusCodes.Status503ServiceUnavailable
                    ? "The API is temporarily unavailable: retry later"
                    : "Internal Server Error").Reply);
                break;
            default:
                // Half a JSON document never parses: its closing bracket is missing.
                var body = processed is { Length: > 1 } ? processed.AsMemory(0, processed.Length / 2) : "{"u8.ToArray();
                context.Response.ContentLength = body.Length;
                await context.Response.Body.WriteAsync(body, context.RequestAborted);
                break;
        }
    }
}
