namespace TeGen.Benchmarks.Throughput;

/// <summary>What one scenario (one client kind, some instances) achieved, as counted by the sandbox.</summary>
/// <param name="Client">Client kind: <c>TeGen</c> or <c>naive</c>.</param>
/// <param name="Instances">Client instances (connections) sharing the load.</param>
/// <param name="Sent">Distinct contacts the callers asked to create.</param>
/// <param name="Stored">Contacts the sandbox holds afterwards.</param>
/// <param name="Failed">Creates that ended in an error after the client's own retries.</param>
/// <param name="TooManyRequests">429 answers the sandbox sent.</param>
/// <param name="TokenRequests">Token requests the sandbox received.</param>
/// <param name="TotalRequests">Every request the sandbox received, 429s included.</param>
/// <param name="Elapsed">Wall-clock time from the first call to the last answer.</param>
/// <param name="SustainedRate">Accepted requests per second over whole allowances; see <see cref="RateMeasure"/>.</param>
/// <param name="AllowedRate">Requests per second the sandbox allows.</param>
public sealed record ScenarioResult(
    string Client,
    int Instances,
    int Sent,
    int Stored,
    int Failed,
    long TooManyRequests,
    long TokenRequests,
    long TotalRequests,
    TimeSpan Elapsed,
    double SustainedRate,
    double AllowedRate)
{
    /// <summary>Sustained rate as a fraction of the allowed rate.</summary>
    public double RateRatio => SustainedRate / AllowedRate;

    /// <summary>
    /// What makes this a failed TeGen run: any 429, a contact lost, or more than one token request for the one
    /// credential. Empty when the run is clean.
    /// </summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = CommonProblems(TooManyRequests, Stored, Sent, Failed);
        if (TokenRequests != 1)
        {
            problems.Add($"{TokenRequests} token requests for one credential");
        }

        return problems;
    }

    /// <summary>What fails any TeGen scenario: a 429, or a contact not stored.</summary>
    internal static List<string> CommonProblems(long tooManyRequests, int stored, int expected, int failed)
    {
        var problems = new List<string>();
        if (tooManyRequests != 0)
        {
            problems.Add($"{tooManyRequests} x 429");
        }

        if (stored != expected || failed != 0)
        {
            problems.Add($"stored {stored} of {expected} ({failed} failed)");
        }

        return problems;
    }
}
