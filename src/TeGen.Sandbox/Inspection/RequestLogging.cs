using TeGen.Sandbox.Auth;
using TeGen.Sandbox.Faults;
using TeGen.Sandbox.Http;
using TeGen.Sandbox.Store;

namespace TeGen.Sandbox.Inspection;

// Outermost middleware: sees the final status of every request, including 429s and injected faults.
internal static class RequestLogging
{
    public static async Task InvokeAsync(HttpContext context, RequestDelegate next, RequestLog log, SandboxStore store)
    {
        if (RequestPaths.IsSandbox(context))
        {
            await next(context);
            return;
        }

        var arrived = log.Now;
        var failed = false;
        var recorded = 0;
        void Record(int status)
        {
            if (Interlocked.Exchange(ref recorded, 1) == 0)
            {
                log.Record(
                    new RequestLogEntry(arrived, context.Request.Method, context.Request.Path.Value ?? "", status, ClientId(context, store), TeHttp.SourceIp(context)),
                    RequestPaths.IsTokenRequest(context));
            }
        }

        // Recorded as the answer starts, before the caller can read it: recorded once the pipeline has returned, a
        // request could be missing from the log (or land in the next count) when a test reads the log right after the
        // call. A request the sandbox drops never starts an answer and is recorded below.
        context.Response.OnStarting(() =>
        {
            if (!context.Items.ContainsKey(FaultMiddleware.DroppedItem))
            {
                Record(context.Response.StatusCode);
            }

            return Task.CompletedTask;
        });
        try
        {
            await next(context);
        }
        catch
        {
            failed = true;
            throw;
        }
        finally
        {
            var dropped = context.Items.ContainsKey(FaultMiddleware.DroppedItem) || context.RequestAborted.IsCancellationRequested;
            Record(dropped ? 0 : failed ? StatusCodes.Status500InternalServerError : context.Response.StatusCode);
        }
    }

    // Endpoints note the client id they authenticated; requests refused before that are attributed from the header.
    private static string? ClientId(HttpContext context, SandboxStore store)
    {
        if (context.Items[BearerAuthentication.ClientIdItem] is string known)
        {
            return known;
        }

        if (BasicCredentials.ClientIdOf(context) is { } basic)
        {
            return basic;
        }

        if (BearerAuthentication.BearerToken(context) is not { } token)
        {
            return null;
        }

        lock (store.Gate)
        {
            return store.AccessTokens.TryGetValue(token, out var issued) ? issued.ClientId : null;
        }
    }
}
