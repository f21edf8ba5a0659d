namespace TeGen.Client.Http;

/// <summary>
/// When and how <see cref="RetryHandler"/> retries. GET, PATCH and DELETE retry on 429, 502/503/504, timeouts and
/// transport errors. POST retries only where no duplicate can result: on 429 and when the connection could not be
/// made (nothing was sent) — and, for endpoints where TE deduplicates (<see cref="DeduplicatedPostPaths"/>), also
/// after errors where the request may have been processed, because TE then answers the repeat as a duplicate.
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
    /// No retry starts once a call has run this long across its attempts and backoff waits. Time queued for a
    /// rate-limit permit does not count: a throttled call is slow, not failing. Default 5 minutes.
    /// </summary>
    public TimeSpan MaxTotalTime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// POST endpoints where TE deduplicates, so that repeating a POST that may have been processed updates the
    /// same record instead of creating a second one. Default: <c>/v1/contacts</c> (names + email/phone/address,
    /// per owner) and <c>/v1/contact-groups</c> (group name per owner). Notes, survey responses and insights are
    /// not deduplicated (or not documented to be) and are not listed.
    /// </summary>
    public IList<string> DeduplicatedPostPaths { get; set; } = ["/v1/contacts", "/v1/contact-groups"];

    internal void Validate()
    {
        if (MaxRetries < 0)
        {
            throw TotalExpertClientOptions.Invalid("Retry:MaxRetries", "cannot be negative");
        }

        if (BaseDelay < TimeSpan.Zero || MaxDelay <= TimeSpan.Zero || MaxTotalTime <= TimeSpan.Zero)
        {
            throw TotalExpertClientOptions.Invalid("Retry", "delays must be positive");
        }
    }
}
