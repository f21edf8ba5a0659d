using TeGen.Sandbox.Auth;
using TeGen.Sandbox.Endpoints;
using TeGen.Sandbox.Faults;
using TeGen.Sandbox.Http;
using TeGen.Sandbox.Inspection;
using TeGen.Sandbox.Limits;
using TeGen.Sandbox.Replies;

namespace TeGen.Sandbox.Hosting;

internal static class SandboxPipeline
{
    // Order matters: unexpected failures are caught around everything; the log sees every final status; limits come
    // before faults so that real 429s are not masked; faults wrap the endpoints so that "after processing" faults can
    // replace a finished answer.
    public static void Configure(WebApplication app, SandboxRuntime runtime)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(UnexpectedErrorMiddleware).FullName!);
        app.Use((context, next) => UnexpectedErrorMiddleware.InvokeAsync(context, next, logger));
        app.Use((context, next) => RequestLogging.InvokeAsync(context, next, runtime.Log, runtime.State.Store));

        // Routing answers an unknown path with an empty 404 and a known path with the wrong method with an empty 405;
        // TE-style clients expect a JSON {"error": ...} body.
        app.UseStatusCodePages(status => TeHttp.WriteAsync(status.HttpContext, TeErrors.Reason(status.HttpContext.Response.StatusCode).Reply));
        app.Use((context, next) => RateLimitMiddleware.InvokeAsync(context, next, runtime.Limits));
        app.Use((context, next) => FaultMiddleware.InvokeAsync(context, next, runtime.Faults));

        TokenEndpoint.Map(app, runtime.State);
        AuthorizeEndpoint.Map(app, runtime.State);
        OperationEndpoint.Map(app, () => runtime.Api);
        SandboxEndpoints.Map(app, runtime.Inspector, runtime.Faults);
        app.Lifetime.ApplicationStarted.Register(runtime.Webhooks.Start);
        app.Lifetime.ApplicationStopping.Register(runtime.Webhooks.Stop);
    }
}
