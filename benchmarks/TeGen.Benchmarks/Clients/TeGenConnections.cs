using TeGen.Client;
using TeGen.Client.Auth;
using TeGen.Client.Http;

namespace TeGen.Benchmarks.Clients;

/// <summary>How the benchmarks connect TeGen: its own token store and limiter, and a limit that never makes a call wait.</summary>
public static class TeGenConnections
{
    /// <summary>A connection to <paramref name="baseUrl"/> over <paramref name="transport"/>, which it owns.</summary>
    /// <param name="baseUrl">The canned server, or any loopback URL for the in-memory transport.</param>
    /// <param name="transport">The innermost handler.</param>
    public static TotalExpertConnection Create(Uri baseUrl, HttpMessageHandler transport) => new(
        new TotalExpertClientOptions
        {
            BaseUrl = baseUrl,
            ClientId = "benchmark-client",
            ClientSecret = "benchmark-secret",
            // TE's real 1000 per minute would make a benchmark wait. 1000 permits per millisecond is more than one
            // caller reaches even in memory (a call takes microseconds), so the limiter always grants at once but still
            // does its bookkeeping, and its log of grants stays at the size TE's real limit gives it.
            RateLimit = { RequestsPerWindow = 1000, Window = TimeSpan.FromMilliseconds(1), SafetyMargin = TimeSpan.Zero },
            Egress = "benchmarks",
        },
        new InMemoryTokenStore(),
        TimeProvider.System,
        loggerFactory: null,
        new TeRateLimiterRegistry(),
        transport);
}
