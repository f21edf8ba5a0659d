using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace TeGen.Client.Diagnostics;

/// <summary>
/// The SDK's <see cref="ActivitySource"/> and <see cref="Meter"/>, both named <c>TeGen</c>: subscribe to them with
/// OpenTelemetry (<c>AddSource("TeGen")</c>, <c>AddMeter("TeGen")</c>) or a <see cref="MeterListener"/>.
/// </summary>
public static class TeGenTelemetry
{
    /// <summary>The name of the activity source and meter.</summary>
    public const string Name = "TeGen";

    /// <summary>One activity per TE call (per attempt chain), named <c>TE {METHOD} {path}</c>.</summary>
    public static ActivitySource ActivitySource { get; } = new(Name);

    /// <summary>The SDK's meter.</summary>
    public static Meter Meter { get; } = new(Name);

    /// <summary><c>tegen.requests</c>: calls made to TE, counted once however many attempts they took, tagged with method and status.</summary>
    public static Counter<long> Requests { get; } = Meter.CreateCounter<long>("tegen.requests", description: "Calls made to TE (after retries)");

    /// <summary><c>tegen.retries</c>: attempts repeated after a retryable failure.</summary>
    public static Counter<long> Retries { get; } = Meter.CreateCounter<long>("tegen.retries", description: "Attempts repeated after a retryable failure");

    /// <summary><c>tegen.rate_limited</c>: 429 answers received from TE.</summary>
    public static Counter<long> RateLimited { get; } = Meter.CreateCounter<long>("tegen.rate_limited", description: "429 answers received from TE");

    /// <summary><c>tegen.token_requests</c>: token requests sent to TE, tagged with the grant type.</summary>
    public static Counter<long> TokenRequests { get; } = Meter.CreateCounter<long>("tegen.token_requests", description: "Token requests sent to TE");

    /// <summary><c>tegen.token_requests.refused</c>: token requests the SDK refused because the egress's hourly budget was spent (nothing sent).</summary>
    public static Counter<long> TokenRequestsRefused { get; } = Meter.CreateCounter<long>("tegen.token_requests.refused", description: "Token requests refused by the SDK because the egress's hourly budget is spent");

    /// <summary><c>tegen.rate_limiter.wait</c>: time a request waited for the client-side rate limiter, tagged with its tenant (organization) and priority.</summary>
    public static Histogram<double> LimiterWait { get; } = Meter.CreateHistogram<double>("tegen.rate_limiter.wait", unit: "ms", description: "Time waited for the client-side rate limiter");

    /// <summary><c>tegen.coordination.fallbacks</c>: times a process found the shared rate-limit log unreachable and fell back to its local share of the limit.</summary>
    public static Counter<long> CoordinationFallbacks { get; } = Meter.CreateCounter<long>("tegen.coordination.fallbacks", description: "Times the shared rate-limit log was unreachable and a local share of the limit took over");

    /// <summary><c>tegen.coordination.degraded</c>: egress limiters running on their local share because the shared log is unreachable (0 when all is well).</summary>
    public static UpDownCounter<long> CoordinationDegraded { get; } = Meter.CreateUpDownCounter<long>("tegen.coordination.degraded", description: "Egress limiters running on a local share because the shared log is unreachable");
}
