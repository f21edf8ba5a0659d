namespace TeGen.Client.Http;

/// <summary>
/// TE's request limit as <see cref="RateLimitHandler"/> keeps it (configuration section <c>TotalExpert:RateLimit</c>):
/// 1000 requests per minute per source IP, shared by every client leaving through one
/// <see cref="TotalExpertClientOptions.Egress"/>.
/// </summary>
public sealed class RateLimitHandlerOptions
{
    /// <summary>Requests allowed per <see cref="Window"/> (TE: 1000 per minute, per source IP).</summary>
    public int RequestsPerWindow { get; set; } = 1000;

    /// <summary>The window of <see cref="RequestsPerWindow"/>. Default 1 minute.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Added to <see cref="Window"/> on the client side to absorb network jitter between the moment a request leaves
    /// and the moment TE counts it. Default 1 second (about 98% of TE's ceiling per minute).
    /// </summary>
    public TimeSpan SafetyMargin { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// This connection's share of the egress's permits when callers of several connections (organizations) queue for
    /// them: permits are shared in proportion to weights. Default 1.
    /// </summary>
    public double Weight { get; set; } = 1;

    /// <summary>
    /// The priority of this connection's calls when callers queue for permits: <see cref="TeRequestPriority.Bulk"/> for a
    /// connection that only syncs in the background. A call can say otherwise (<see cref="TotalExpertCallOptions"/>).
    /// Default <see cref="TeRequestPriority.Normal"/>.
    /// </summary>
    public TeRequestPriority Priority { get; set; } = TeRequestPriority.Normal;

    /// <summary>The window the limiter counts over: <see cref="Window"/> plus <see cref="SafetyMargin"/>.</summary>
    internal TimeSpan EffectiveWindow => Window + SafetyMargin;

    /// <summary>Checks the settings; names them <c>RateLimit:&lt;Setting&gt;</c>.</summary>
    internal void Check(OptionChecks check)
    {
        check.Within("RateLimit:RequestsPerWindow", RequestsPerWindow, 1, 1_000_000);
        check.Within("RateLimit:Window", Window, TimeSpan.FromMilliseconds(1), TimeSpan.FromDays(1));
        check.Within("RateLimit:SafetyMargin", SafetyMargin, TimeSpan.Zero, TimeSpan.FromHours(1));
        check.Within("RateLimit:Weight", Weight, 0.001, 1000);
        check.Defined("RateLimit:Priority", Priority);
    }
}
