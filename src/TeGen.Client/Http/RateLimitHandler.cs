using System.Net;
using TeGen.Client.Diagnostics;

namespace TeGen.Client.Http;

/// <summary>
/// Waits for a permit of the shared <see cref="TeRequestRateLimiter"/> before every attempt, and when TE answers
/// 429 pauses every caller of that limiter until TE's <c>Retry-After</c>.
/// </summary>
internal sealed class RateLimitHandler(TeRequestRateLimiter limiter, TimeProvider time) : DelegatingHandler
{
    // TE documents no Retry-After; without one, callers pause this long before trying again.
    private static readonly TimeSpan DefaultPause = TimeSpan.FromSeconds(1);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        using (var lease = await limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false))
        {
            TeGenTelemetry.LimiterWait.Record(time.GetElapsedTime(started).TotalMilliseconds);
        }

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            TeGenTelemetry.RateLimited.Add(1);
            limiter.PauseUntil(time.GetUtcNow() + (RetryAfter.From(response, time) ?? DefaultPause));
        }

        return response;
    }
}
