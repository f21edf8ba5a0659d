namespace TeGen.Benchmarks.Throughput;

/// <summary>
/// One multi-process scenario: <see cref="Processes"/> processes sharing one Redis, creating contacts against the sandbox
/// at its limit. <see cref="PerCallRedisMs"/> and <see cref="PerCallLocalMs"/> are one process's mean time per call made
/// one at a time with no waiting for the limit, on the shared log and on the in-process limiter.
/// </summary>
internal sealed record FleetResult(
    int Processes,
    long Requests,
    long TooManyRequests,
    long TokenRequests,
    int Failed,
    double SustainedRate,
    double AllowedRate,
    double Seconds,
    double PerCallRedisMs,
    double PerCallLocalMs)
{
    public double Share => SustainedRate / AllowedRate;

    public double OverheadRatio => PerCallRedisMs / PerCallLocalMs;

    public IEnumerable<string> Problems()
    {
        if (TooManyRequests > 0)
        {
            yield return $"{TooManyRequests} x 429";
        }

        if (TokenRequests != 1)
        {
            yield return $"{TokenRequests} token requests (expected 1)";
        }

        if (Failed > 0)
        {
            yield return $"{Failed} calls failed";
        }
    }
}
