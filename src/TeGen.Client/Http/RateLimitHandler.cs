using System.Net;
using System.Threading.RateLimiting;
using TeGen.Client.Diagnostics;

namespace TeGen.Client.Http;

/// <summary>
/// Waits for a permit of the shared <see cref="TeRequestRateLimiter"/> before every attempt, and when TE answers
/// 429 pauses every caller of that limiter until TE's <c>Retry-After</c>, capped at <paramref name="maxPause"/> so an
/// absurd <c>Retry-After</c> cannot freeze the process. A call whose wait would outlast its time budget
/// (<see cref="CallBudget"/>) fails at once with <see cref="TotalExpertRateLimitException"/>, nothing sent. Token
/// requests take permits too (TE counts them), but their 429 is the separate 2-per-hour token limit and must not stop
/// API calls: <paramref name="pauseOn429"/> is false for them, and they queue in the limiter's top class, since calls
/// of every tenant may be waiting for the token. Other requests queue as their <see cref="TeTraffic"/> says, or else as
/// the connection's <paramref name="tenant"/> with the priority of the call's scope (<see cref="TotalExpertCallOptions"/>)
/// or the connection's <paramref name="priority"/>.
/// </summary>
internal sealed class RateLimitHandler(
    TeRequestRateLimiter limiter,
    TimeProvider time,
    TimeSpan maxPause,
    bool pauseOn429 = true,
    string? tenant = null,
    TeRequestPriority priority = TeRequestPriority.Normal) : DelegatingHandler
{
    // TE documents no Retry-After; without one, callers pause this long before trying again.
    private static readonly TimeSpan DefaultPause = TimeSpan.FromSeconds(1);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();

        // The lease is held until TE's answer arrives: the limiter logs the permit then, when TE has certainly
        // counted the request, not when it was granted (see TeRequestRateLimiter).
        var traffic = !pauseOn429 ? TeTraffic.TokenRequest
            : request.Options.TryGetValue(TeTraffic.Key, out var given) ? given
            : new TeTraffic(tenant, TotalExpertCallOptions.Current?.Priority ?? priority);
        var deadline = CallBudget.Of(request)?.Deadline;
        using var lease = await limiter.AcquireAsync(1, deadline, traffic, cancellationToken).ConfigureAwait(false);
        if (!lease.IsAcquired)
        {
            lease.TryGetMetadata(MetadataName.RetryAfter, out var wait);
            throw Refused(request, wait);
        }

        // Then the egress's permit shared with other processes, if any; counted, like the local one, when the answer arrives.
        await using var shared = limiter.Shared is null ? null : await limiter.Shared.AcquireAsync(deadline, traffic.IsTokenRequest, cancellationToken).ConfigureAwait(false);
        if (shared is { IsAcquired: false })
        {
            throw Refused(request, shared.RetryAfter);
        }

        if (TeGenTelemetry.LimiterWait.Enabled)
        {
            // Per tenant and class, so a dashboard shows which organization waits behind which.
            TeGenTelemetry.LimiterWait.Record(
                time.GetElapsedTime(started).TotalMilliseconds,
                new KeyValuePair<string, object?>("tenant", traffic.Tenant ?? ""),
                new KeyValuePair<string, object?>("priority", traffic.IsTokenRequest ? "token" : traffic.Priority == TeRequestPriority.Bulk ? "bulk" : "normal"));
        }
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            TeGenTelemetry.RateLimited.Add(1);
            if (pauseOn429)
            {
                var pause = RetryAfter.From(response, time) ?? DefaultPause;
                var until = time.GetUtcNow() + (pause > maxPause ? maxPause : pause);
                limiter.PauseUntil(until);
                if (limiter.Shared is not null)
                {
                    await limiter.Shared.PauseAsync(until).ConfigureAwait(false);
                }
            }
        }

        return response;
    }

    private static TotalExpertRateLimitException Refused(HttpRequestMessage request, TimeSpan wait) =>
        new(TotalExpertErrorDetails.Local(
            TotalExpertErrorDetails.OperationOf(request),
            $"TE's rate limit for this egress would hold {TotalExpertErrorDetails.OperationOf(request)} for {wait.TotalSeconds:0.#} s more, "
            + "beyond the call's time budget (TotalExpert:Retry:MaxTotalTime). Nothing was sent.",
            mayHaveBeenProcessed: false,
            retryAfter: wait));
}
