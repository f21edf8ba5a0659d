using TeGen.Sandbox.Hosting;

namespace TeGen.Sandbox.Limits;

// Every request except /_sandbox/* counts, unknown paths included: TE counts requests, not operations.
internal static class RateLimitMiddleware
{
    public static Task InvokeAsync(HttpContext context, RequestDelegate next, SandboxRuntime runtime) =>
        !Paths.IsSandbox(context) && runtime.Limits.Admit(TeHttp.SourceIp(context), Paths.IsTokenRequest(context)) is { } refusal
            ? TeHttp.WriteAsync(context, refusal)
            : next(context);
}
