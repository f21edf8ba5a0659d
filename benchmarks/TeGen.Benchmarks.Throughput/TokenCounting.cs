namespace TeGen.Benchmarks.Throughput;

/// <summary>What the sandbox and TeGen count TE's 2 token requests per hour per, in a many-organization scenario.</summary>
public enum TokenCounting
{
    /// <summary>Per source IP, as TE's guide says: every organization on the egress shares the 2 per hour.</summary>
    SourceIp,

    /// <summary>
    /// Per client id (sandbox <c>TokenRequestsCountedPer = ClientId</c>, TeGen <c>Tokens:CountedPer = ClientId</c>): not
    /// TE's documented rule, run to show what the egress's request limit gives when every organization holds a token.
    /// </summary>
    ClientId,
}
