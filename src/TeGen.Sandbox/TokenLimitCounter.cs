namespace TeGen.Sandbox;

/// <summary>What the sandbox counts token requests per (see <see cref="RateLimitOptions.TokenRequestsCountedPer"/>).</summary>
public enum TokenLimitCounter
{
    /// <summary>Per source IP address, as TE's guide says: every client behind one egress shares the limit.</summary>
    SourceIp,

    /// <summary>Per OAuth client id.</summary>
    ClientId,
}
