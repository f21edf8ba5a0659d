namespace TeGen.Benchmarks.Throughput;

/// <summary>What organization B's interactive calls waited in one fairness mode, and what organization A's bulk load got.</summary>
/// <param name="Mode">How the egress was shared.</param>
/// <param name="Calls">Calls B made in the measured time.</param>
/// <param name="P50">B's median call time (limiter wait and round trip).</param>
/// <param name="P95">B's 95th percentile call time.</param>
/// <param name="P99">B's 99th percentile call time.</param>
/// <param name="Max">B's longest call.</param>
/// <param name="Slot">One slot of TeGen's limiter (window with margin ÷ limit), the unit B's waits are judged in.</param>
/// <param name="AShare">A's accepted creates in the measured time as a fraction of what the limit allows then.</param>
/// <param name="BShare">B's accepted calls in the measured time as a fraction of what the limit allows then.</param>
/// <param name="TooManyRequests">429 answers the sandbox sent.</param>
/// <param name="TokenRequests">Token requests the sandbox received.</param>
public sealed record FairnessResult(
    FairnessMode Mode,
    int Calls,
    TimeSpan P50,
    TimeSpan P95,
    TimeSpan P99,
    TimeSpan Max,
    TimeSpan Slot,
    double AShare,
    double BShare,
    long TooManyRequests,
    long TokenRequests)
{
    /// <summary>What makes this a failed TeGen run: any 429, or more than 2 token requests (one per organization). Empty when clean.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (TooManyRequests != 0)
        {
            problems.Add($"{TooManyRequests} x 429");
        }

        if (TokenRequests > 2)
        {
            problems.Add($"{TokenRequests} token requests for two organizations");
        }

        return problems;
    }
}
