namespace TeGen.Client.Auth;

/// <summary>
/// How TeGen obtains and spends TE access tokens (configuration section <c>TotalExpert:Tokens</c>): when a cached token
/// is renewed and how many token requests an hour it may send. TE allows 2 per hour per source IP; past the budget the
/// SDK refuses with <see cref="TokenBudgetExceededException"/> instead of earning a 429.
/// </summary>
public sealed class TokenOptions
{
    // A TE token lives an hour (docs/te-api.md); renewing more than half an hour early gains nothing.
    private static readonly TimeSpan MaxRenewalMargin = TimeSpan.FromMinutes(30);

    /// <summary>How long before expiry a cached token is renewed. Default 5 minutes.</summary>
    public TimeSpan RenewalMargin { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Token requests allowed per rolling hour, counted per <see cref="CountedPer"/> (TE's limit: 2 per hour, per source IP).
    /// </summary>
    public int MaxRequestsPerHour { get; set; } = 2;

    /// <summary>
    /// What <see cref="MaxRequestsPerHour"/> is counted per. Default <see cref="TokenLimitScope.Egress"/>: TE counts per
    /// source IP, so the organizations and user sessions a partner serves from one egress
    /// (<see cref="TotalExpertClientOptions.Egress"/>) share one budget, kept in the token store (share the store across
    /// processes too). <see cref="TokenLimitScope.ClientId"/> gives each client id its own, should TE prove to count per client.
    /// </summary>
    public TokenLimitScope CountedPer { get; set; } = TokenLimitScope.Egress;

    /// <summary>
    /// Whether a token request that failed with a server error (5xx), a timeout or a connection broken after sending
    /// counts against <see cref="MaxRequestsPerHour"/>. Default <c>false</c>: TE does not document whether it counts
    /// such requests, and counting them would let two 503s lock the client out for the hour. Set it if TE proves to
    /// count them (TeGen's sandbox does). A request whose connection was never made never counts; one TE answered
    /// (granted or refused with a 4xx) always does.
    /// </summary>
    public bool CountFailedRequests { get; set; }

    /// <summary>Checks the settings; names them <c>Tokens:&lt;Setting&gt;</c>.</summary>
    internal void Check(OptionChecks check)
    {
        check.Within("Tokens:RenewalMargin", RenewalMargin, TimeSpan.Zero, MaxRenewalMargin,
            "(a TE token lives an hour; a larger margin would renew it on nearly every call and spend the 2 token requests per hour)");
        check.Within("Tokens:MaxRequestsPerHour", MaxRequestsPerHour, 1, 1000);
        check.Defined("Tokens:CountedPer", CountedPer);
    }
}
