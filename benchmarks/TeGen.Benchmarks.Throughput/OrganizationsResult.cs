namespace TeGen.Benchmarks.Throughput;

/// <summary>What one many-organization scenario (some organizations on one egress) achieved, as counted by the sandbox.</summary>
/// <param name="Organizations">Organizations served by the partner hub, all on one egress.</param>
/// <param name="Counting">What the 2 token requests per hour were counted per.</param>
/// <param name="Contacts">Contacts the egress was to create in all (the run ends then).</param>
/// <param name="Stored">Contacts the sandbox holds afterwards.</param>
/// <param name="Failed">Creates that ended in an error other than a token refusal.</param>
/// <param name="Shares">Each organization's contacts and refusals, in the hub's order.</param>
/// <param name="NextTokenIn">For a refused organization, how long until TeGen said a token request would be allowed.</param>
/// <param name="TooManyRequests">429 answers the sandbox sent.</param>
/// <param name="TokenRequests">Token requests the sandbox received (the run lasts well under an hour: all in one hour).</param>
/// <param name="TotalRequests">Every request the sandbox received.</param>
/// <param name="Elapsed">Wall-clock time from the first call to the last answer.</param>
/// <param name="SustainedRate">Accepted requests per second over whole allowances; see <see cref="RateMeasure"/>.</param>
/// <param name="AllowedRate">Requests per second the sandbox allows.</param>
/// <param name="Timeline">The rate over the trailing window through the run.</param>
public sealed record OrganizationsResult(
    int Organizations,
    TokenCounting Counting,
    int Contacts,
    int Stored,
    int Failed,
    IReadOnlyList<OrganizationShare> Shares,
    TimeSpan? NextTokenIn,
    long TooManyRequests,
    long TokenRequests,
    long TotalRequests,
    TimeSpan Elapsed,
    double SustainedRate,
    double AllowedRate,
    IReadOnlyList<RatePoint> Timeline)
{
    /// <summary>Sustained rate as a fraction of the allowed rate.</summary>
    public double RateRatio => SustainedRate / AllowedRate;

    /// <summary>Organizations that created at least one contact (they held a token).</summary>
    public int Served => Shares.Count(s => s.Created > 0);

    /// <summary>Organizations TeGen refused a token for (typed refusal, nothing sent).</summary>
    public int Refused => Shares.Count(s => s.Refused > 0);

    /// <summary>The token requests the egress may make in an hour under <see cref="Counting"/>: 2, or 2 per organization.</summary>
    public int TokenAllowance => Counting == TokenCounting.SourceIp ? 2 : 2 * Organizations;

    /// <summary>
    /// What makes this a failed TeGen run: any 429, a contact lost or failed, more token requests than the hour allows,
    /// or an organization neither served nor refused (it would have been starved). Empty when the run is clean.
    /// </summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = ScenarioResult.CommonProblems(TooManyRequests, Stored, Contacts, Failed);
        if (TokenRequests > Math.Min(TokenAllowance, Organizations))
        {
            problems.Add($"{TokenRequests} token requests for {Organizations} organization(s)");
        }

        if (Shares.Any(s => s.Created == 0 && s.Refused == 0))
        {
            problems.Add("an organization was neither served nor refused");
        }

        return problems;
    }
}
