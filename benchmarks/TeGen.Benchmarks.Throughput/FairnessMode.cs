namespace TeGen.Benchmarks.Throughput;

/// <summary>How the fairness scenario shares the egress between organization A's bulk load and organization B's calls.</summary>
public enum FairnessMode
{
    /// <summary>B alone: its calls' own cost, the reference.</summary>
    Alone,

    /// <summary>A and B as organizations of one <c>TotalExpertPartner</c>: tenants of the limiter's fair queue.</summary>
    Fair,

    /// <summary>As <see cref="Fair"/>, with A's creates marked <c>TeRequestPriority.Bulk</c>.</summary>
    FairBulk,

    /// <summary>
    /// First come, first served: A and B as two connections sharing the limiter and token store but no tenant, which is
    /// what the limiter does for callers it cannot tell apart.
    /// </summary>
    Fifo,
}
