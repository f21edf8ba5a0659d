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
            var status = dropped ? 0 : failed ? StatusCodes.Status500InternalServerError : context.Response.StatusCode;
            log.Record(
                new RequestLogEntry(arrived, context.Request.Method, context.Request.Path.Value ?? "", status, ClientId(context, store), TeHttp.SourceIp(context)),
                RequestPaths.IsTokenRequest(context));
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
