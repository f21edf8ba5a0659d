namespace TeGen.Client.Auth;

/// <summary>What TE's 2 token requests per hour are counted per (see <see cref="TokenOptions.CountedPer"/>).</summary>
public enum TokenLimitScope
{
    /// <summary>
    /// Per egress (<see cref="TotalExpertClientOptions.Egress"/> and TE host), as TE's guide says ("based on source
    /// IP address and not based on client"): every credential and user session leaving through one IP shares the budget.
    /// </summary>
    Egress,

    /// <summary>Per client id, should TE's real counting prove to be per client.</summary>
    ClientId,
}
