using TeGen.Sandbox.Http;
using TeGen.Sandbox.Replies;

namespace TeGen.Sandbox.Hosting;

// Outermost: an exception that escapes everything else becomes TE's {"error": ...} with a 500 and is logged, instead of
// Kestrel's empty 500. Malformed input never gets here; the endpoints answer it with a 4xx.
internal static class UnexpectedErrorMiddleware
{
    public static async Task InvokeAsync(HttpContext context, RequestDelegate next, ILogger logger)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away (or a drop fault aborted the connection): nobody is left to answer.
            logger.LogDebug(e, "{Method} {Path} aborted", context.Request.Method, context.Request.Path);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Unexpected failure answering {Method} {Path}", context.Request.Method, context.Request.Path);
            if (context.Response.HasStarted)
            {
                // Half an answer cannot become an error answer; a dropped connection at least reads as a failure.
                context.Abort();
                return;
            }

            context.Response.Clear();
            await TeHttp.WriteAsync(context, TeErrors.Unexpected().Reply);
        }
    }
}
