using System.Collections.Concurrent;

namespace TeGen.Client.Http;

/// <summary>
/// Rate limiters, one per egress (<see cref="TotalExpertClientOptions.Egress"/>) and TE host. TE counts requests per
/// source IP, so every client leaving through the same IP must draw from one limiter: give every connection of an egress
/// the same registry (dependency injection does; a connection given none has its own).
/// The first client of an egress fixes its limit, window and clock; a later one asking for another is refused rather than silently
/// given the first one's (two limits for one egress would let the process exceed TE's). Each TE host counts
/// on its own (the sandbox and production are different services), so a limiter is per scope and host: a 429 from one
/// host does not pause calls to another.
/// </summary>
public sealed class TeRateLimiterRegistry
{
    private readonly ConcurrentDictionary<string, TeRequestRateLimiter> _limiters = new(StringComparer.Ordinal);

    /// <summary>The limiter of the options' egress and TE host, created on first use.</summary>
    /// <param name="options">Client options: egress, limit and window.</param>
    /// <param name="time">The clock a new limiter uses.</param>
    /// <exception cref="InvalidOperationException">The egress already has a limiter with another limit, window or clock.</exception>
    public TeRequestRateLimiter For(TotalExpertClientOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        var limit = options.RateLimit.RequestsPerWindow;
        var window = options.RateLimit.EffectiveWindow;
        var egress = options.Egress + "|" + options.BaseUrl.GetLeftPart(UriPartial.Authority).ToLowerInvariant();
        var limiter = _limiters.GetOrAdd(egress, _ => new TeRequestRateLimiter(limit, window, time));
        if (limiter.PermitLimit != limit || limiter.Window != window || !ReferenceEquals(limiter.Time, time))
        {
            throw new InvalidOperationException(
                $"The egress '{options.Egress}' for {options.BaseUrl.Host} already has a limiter of {limiter.PermitLimit} requests per {limiter.Window}"
                + (ReferenceEquals(limiter.Time, time) ? "" : " on another clock")
                + $"; this connection asks for {limit} per {window}. One egress has one limit: give every connection of the egress the same "
                + "TotalExpert:RateLimit settings (and clock), or another TotalExpert:Egress.");
        }

        return limiter;
    }
}
