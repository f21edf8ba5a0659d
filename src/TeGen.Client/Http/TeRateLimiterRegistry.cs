using System.Collections.Concurrent;

namespace TeGen.Client.Http;

/// <summary>
/// The rate limiters of a process, one per egress scope (<see cref="TotalExpertClientOptions.RateLimitScope"/>).
/// TE counts requests per source IP, so every client leaving through the same IP must draw from one limiter;
/// <see cref="Shared"/> is that process-wide registry (dependency injection registers an instance of its own). The first
/// client of a scope fixes its limit, window and clock; a later one asking for another is refused rather than silently
/// given the first one's (two limits for one egress would let the process exceed TE's). Each TE host counts
/// on its own (the sandbox and production are different services), so a limiter is per scope and host: a 429 from one
/// host does not pause calls to another.
/// </summary>
public sealed class TeRateLimiterRegistry
{
    private readonly ConcurrentDictionary<string, TeRequestRateLimiter> _limiters = new(StringComparer.Ordinal);

    /// <summary>The registry every client uses unless given another (tests use their own).</summary>
    public static TeRateLimiterRegistry Shared { get; } = new();

    /// <summary>The limiter of the options' scope and TE host, created on first use.</summary>
    /// <param name="options">Client options: scope, limit and window.</param>
    /// <param name="time">The clock a new limiter uses.</param>
    /// <exception cref="InvalidOperationException">The scope already has a limiter with another limit, window or clock.</exception>
    public TeRequestRateLimiter For(TotalExpertClientOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        var window = options.RateLimitWindow + options.RateLimitSafetyMargin;
        var scope = options.RateLimitScope + "|" + options.BaseUrl.GetLeftPart(UriPartial.Authority).ToLowerInvariant();
        var limiter = _limiters.GetOrAdd(scope, _ => new TeRequestRateLimiter(options.RequestsPerWindow, window, time));
        if (limiter.PermitLimit != options.RequestsPerWindow || limiter.Window != window || !ReferenceEquals(limiter.Time, time))
        {
            throw new InvalidOperationException(
                $"The rate-limit scope '{options.RateLimitScope}' for {options.BaseUrl.Host} already has a limiter of {limiter.PermitLimit} requests per {limiter.Window}"
                + (ReferenceEquals(limiter.Time, time) ? "" : " on another clock")
                + $"; this connection asks for {options.RequestsPerWindow} per {window}. One egress has one limit: give every connection of the scope the same "
                + "TotalExpert:RequestsPerWindow, RateLimitWindow and RateLimitSafetyMargin (and clock), or another TotalExpert:RateLimitScope.");
        }

        return limiter;
    }
}
