using System.Collections.Concurrent;

namespace TeGen.Client.Http;

/// <summary>
/// The rate limiters of a process, one per egress scope (<see cref="TotalExpertClientOptions.RateLimitScope"/>).
/// TE counts requests per source IP, so every client leaving through the same IP must draw from one limiter;
/// <see cref="Shared"/> is that process-wide registry. The first client of a scope fixes its limit. Each TE host counts
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
    public TeRequestRateLimiter For(TotalExpertClientOptions options, TimeProvider time) =>
        _limiters.GetOrAdd(options.RateLimitScope + "|" + options.BaseUrl.GetLeftPart(UriPartial.Authority).ToLowerInvariant(), _ =>
            new TeRequestRateLimiter(options.RequestsPerWindow, options.RateLimitWindow + options.RateLimitSafetyMargin, time));
}
