namespace TeGen.Client.Http;

/// <summary>
/// When and how <see cref="RetryHandler"/> retries. GET, PATCH and DELETE retry on 429, 502/503/504, timeouts and
/// transport errors. POST retries only where no duplicate can result: on 429 and when the connection could not be
/// made (nothing was sent) — and, for creates TE deduplicates (<c>x-te-deduplicated</c> in the spec, see
/// <see cref="TeOperation.Deduplicated"/>, plus <see cref="DeduplicatedPostPaths"/>), also after errors where the request
/// may have been processed, because TE then answers the repeat as a duplicate.
/// </summary>
public sealed class RetryHandlerOptions
{
    /// <summary>Whether to retry at all. With <c>false</c> the first failure surfaces as an exception.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Retries after the first attempt. Default 4.</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>First backoff delay, doubled each retry with jitter, when TE sends no <c>Retry-After</c>. Default 500 ms.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Longest single wait, including one asked for by <c>Retry-After</c>. Default 2 minutes.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// A call's whole time budget: its attempts, backoff waits and time queued for rate-limit permits (including a
    /// pause after TE's 429) all count. No retry starts after it, and a call whose wait for a permit would outlast it
    /// fails at once with <see cref="TotalExpertRateLimitException"/> (nothing sent, <c>RetryAfter</c> set). Applies with
    /// retries off too. Default 5 minutes, about 5,000 calls queued at TE's limit; raise it for bulk jobs that queue more.
    /// </summary>
    public TimeSpan MaxTotalTime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// POST paths (e.g. <c>/v1/contacts</c>) to treat as deduplicated by TE in addition to the operations the spec marks
    /// <c>x-te-deduplicated</c> (contacts and contact groups), should TE prove to deduplicate more before the spec says
    /// so. Default: none.
    /// </summary>
    public IList<string> DeduplicatedPostPaths { get; set; } = [];

    /// <summary>Checks the settings; names them <c>Retry:&lt;Setting&gt;</c>.</summary>
    internal void Check(OptionChecks check)
    {
        check.Within("Retry:MaxRetries", MaxRetries, 0, 100);
        // Polly refuses delays over a day, and no TE outage is worth a longer wait inside one call.
        check.Within("Retry:BaseDelay", BaseDelay, TimeSpan.Zero, TimeSpan.FromDays(1));
        check.Within("Retry:MaxDelay", MaxDelay, TimeSpan.FromMilliseconds(1), TimeSpan.FromDays(1));
        check.Within("Retry:MaxTotalTime", MaxTotalTime, TimeSpan.FromMilliseconds(1), TimeSpan.FromDays(7));
        check.That("Retry:DeduplicatedPostPaths", DeduplicatedPostPaths is not null, "cannot be null (leave it empty to retry no POST that may have been processed)");
        check.That("Retry:DeduplicatedPostPaths", DeduplicatedPostPaths?.All(p => p is not null && p.StartsWith('/') && !p.Contains('?')) != false,
            "must list paths such as /v1/contacts (starting with '/', without query string)");
    }
}
