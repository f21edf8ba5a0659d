using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace TeGen.Client.Http;

/// <summary>
/// Rate limiters, one per egress (<see cref="TotalExpertClientOptions.Egress"/>) and TE host. TE counts requests per
/// source IP, so every client leaving through the same IP must draw from one limiter: give every connection of an egress
/// the same registry (dependency injection does; a connection given none has its own).
/// The first client of an egress fixes its limit, window and clock; a later one asking for another is refused rather than silently
/// given the first one's (two limits for one egress would let the process exceed TE's). Each TE host counts
/// on its own (the sandbox and production are different services), so a limiter is per scope and host: a 429 from one
/// host does not pause calls to another. Processes, too, share an egress's limit when their registries are given one
/// <see cref="ISharedRequestLog"/> (Redis): each process keeps its own limiter (its fair queue among tenants) and takes
/// every permit it grants from the shared log as well.
/// </summary>
public sealed class TeRateLimiterRegistry
{
    private readonly ConcurrentDictionary<string, TeRequestRateLimiter> _limiters = new(StringComparer.Ordinal);
    private readonly ISharedRequestLog? _shared;
    private readonly ILogger _logger = NullLogger.Instance;

    /// <summary>Creates a registry whose limiters are this process's alone.</summary>
    public TeRateLimiterRegistry()
    {
    }

    /// <summary>Creates a registry whose limiters share each egress's limit with other processes through <paramref name="shared"/>.</summary>
    /// <param name="shared">The log every process of the egress uses.</param>
    /// <param name="loggerFactory">Logging (the warning when the log is unreachable); default none.</param>
    public TeRateLimiterRegistry(ISharedRequestLog shared, ILoggerFactory? loggerFactory = null)
    {
        _shared = shared ?? throw new ArgumentNullException(nameof(shared));
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<TeRateLimiterRegistry>();
    }

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
        var limiter = _limiters.GetOrAdd(egress, scope => new TeRequestRateLimiter(limit, window, time)
        {
            Shared = _shared is null ? null : new SharedPermits(_shared, scope, limit, window, time, _logger),
        });
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
