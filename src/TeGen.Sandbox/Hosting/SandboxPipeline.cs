using Microsoft.AspNetCore.WebUtilities;
using TeGen.Sandbox.Auth;
using TeGen.Sandbox.Endpoints;
using TeGen.Sandbox.Faults;
using TeGen.Sandbox.Inspection;
using TeGen.Sandbox.Limits;

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
        app.Use((context, next) => RequestLogging.InvokeAsync(context, next, runtime));

        // Routing answers an unknown path with an empty 404 and a known path with the wrong method with an empty 405;
        // TE-style clients expect a JSON {"error": ...} body.
        app.UseStatusCodePages(status => TeHttp.WriteAsync(status.HttpContext,
            TeReply.Error(status.HttpContext.Response.StatusCode, ReasonPhrases.GetReasonPhrase(status.HttpContext.Response.StatusCode))));
        app.Use((context, next) => RateLimitMiddleware.InvokeAsync(context, next, runtime));
        app.Use((context, next) => FaultMiddleware.InvokeAsync(context, next, runtime));

        TokenEndpoint.Map(app, runtime);
        AuthorizeEndpoint.Map(app, runtime);
        HealthEndpoints.Map(app, runtime);
        ContactEndpoints.Map(app, runtime);
        ContactGroupEndpoints.Map(app, runtime);
        ContactNoteEndpoints.Map(app, runtime);
        SurveyEndpoints.Map(app, runtime);
        SurveyResponseEndpoints.Map(app, runtime);
        InsightEndpoints.Map(app, runtime);
        UserEndpoints.Map(app, runtime);
        SandboxEndpoints.Map(app, runtime);
    }
}
