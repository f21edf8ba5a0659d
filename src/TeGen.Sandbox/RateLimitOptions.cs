namespace TeGen.Sandbox;

/// <summary>
/// TE's limits, counted per source IP address as TE counts them in production. Time comes from
/// <see cref="TeSandboxOptions.TimeProvider"/>, so a fake clock lets windows pass instantly.
/// </summary>
/// <remarks>
/// The request limit uses fixed windows aligned on the clock: a window of one minute runs from second 0 to second 59
/// of each minute of <see cref="TimeProvider.GetUtcNow"/> (more generally, from each multiple of
/// <see cref="RequestWindow"/> since the Unix epoch). The token limit is a rolling window: a token request is
/// refused while <see cref="TokenRequestLimit"/> token requests were accepted in the preceding
/// <see cref="TokenWindow"/>. Refused requests get <c>429</c>, a <c>Retry-After</c> header in whole seconds and an
/// <c>{"error": ...}</c> body; they do not use up the token allowance.
/// </remarks>
public sealed class RateLimitOptions
{
    /// <summary>Whether the limits apply at all. Default <c>true</c>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Requests allowed per source IP in one <see cref="RequestWindow"/>. Default 1000.</summary>
    public int RequestLimit { get; set; } = 1000;

    /// <summary>Length of a request window. Default one minute.</summary>
    public TimeSpan RequestWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Token requests (<c>POST /v1/token</c>) allowed per source IP in a rolling <see cref="TokenWindow"/>. Default 2.</summary>
    public int TokenRequestLimit { get; set; } = 2;

    /// <summary>
    /// What the token limit is counted per: <see cref="TokenLimitCounter.SourceIp"/> (the default; TE's Getting Started
    /// guide: "rate limiting is based on source IP address and not based on client", so every organization and user
    /// session behind one egress shares the 2 per hour) or <see cref="TokenLimitCounter.ClientId"/>, should TE's real
    /// counting prove to be per client.
    /// </summary>
    public TokenLimitCounter TokenRequestsCountedPer { get; set; } = TokenLimitCounter.SourceIp;

    /// <summary>Length of the rolling token window. Default one hour.</summary>
    public TimeSpan TokenWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Whether token requests also count toward <see cref="RequestLimit"/>. TE's Postman notes say the request limit
    /// covers "all endpoints", the Getting Started guide lists the token limit separately; uncertain. Default <c>true</c>.
    /// </summary>
    public bool CountTokenRequestsAsRequests { get; set; } = true;
}
