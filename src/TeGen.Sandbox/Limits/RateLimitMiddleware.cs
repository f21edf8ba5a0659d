using TeGen.Sandbox.Http;

namespace TeGen.Sandbox.Limits;

// Every request except /_sandbox/* counts, unknown paths included: TE counts requests, not operations.
internal static class RateLimitMiddleware
{
    public static Task InvokeAsync(HttpContext context, RequestDelegate next, RateLimiter limiter) =>
        !RequestPaths.IsSandbox(context) && limiter.Admit(TeHttp.SourceIp(context), RequestPaths.IsTokenRequest(context), BasicCredentials.ClientIdOf(context)) is { } refusal
            ? TeHttp.WriteAsync(context, refusal)
            : next(context);
}
