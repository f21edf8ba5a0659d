using System.Net;
using TeGen.Client.Diagnostics;

namespace TeGen.Client.Http;

/// <summary>
/// Waits for a permit of the shared <see cref="TeRequestRateLimiter"/> before every attempt, and when TE answers
/// 429 pauses every caller of that limiter until TE's <c>Retry-After</c>. Token requests take permits too (TE counts
/// them), but their 429 is the separate 2-per-hour token limit and must not stop API calls: <paramref name="pauseOn429"/>
/// is false for them.
/// </summary>
internal sealed class RateLimitHandler(TeRequestRateLimiter limiter, TimeProvider time, bool pauseOn429 = true) : DelegatingHandler
{
    // TE documents no Retry-After; without one, callers pause this long before trying again.
    private static readonly TimeSpan DefaultPause = TimeSpan.FromSeconds(1);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();

        // The lease is held until TE's answer arrives: the limiter logs the permit then, when TE has certainly
        // counted the request, not when it was granted (see TeRequestRateLimiter).
        using var lease = await limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        var waited = time.GetElapsedTime(started);
        TeGenTelemetry.LimiterWait.Record(waited.TotalMilliseconds);
        CallBudget.Of(request)?.AddQueued(waited);

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            TeGenTelemetry.RateLimited.Add(1);
            if (pauseOn429)
            {
                limiter.PauseUntil(time.GetUtcNow() + (RetryAfter.From(response, time) ?? DefaultPause));
            }
        }

        return response;
    }
}
