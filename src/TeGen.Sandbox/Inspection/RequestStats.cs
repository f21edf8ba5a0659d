namespace TeGen.Sandbox.Inspection;

/// <summary>Counters of the requests a sandbox received (everything except <c>/_sandbox/*</c>), since start or the last reset.</summary>
/// <param name="TotalRequests">All requests.</param>
/// <param name="TokenRequests">Requests to <c>POST /v1/token</c>.</param>
/// <param name="TooManyRequests">Requests answered <c>429</c> (real limits and injected bursts).</param>
/// <param name="ByClientId">The same counters per OAuth client id (from the Basic credentials or the bearer token); requests without one are not listed.</param>
/// <param name="BySourceIp">The same counters per source IP address.</param>
/// <param name="Recent">The most recent requests, oldest first.</param>
public sealed record RequestStats(
    long TotalRequests,
    long TokenRequests,
    long TooManyRequests,
    IReadOnlyDictionary<string, RequestCounters> ByClientId,
    IReadOnlyDictionary<string, RequestCounters> BySourceIp,
    IReadOnlyList<RequestLogEntry> Recent);

/// <summary>Request counters of one client id or source IP.</summary>
/// <param name="Requests">All requests.</param>
/// <param name="TokenRequests">Requests to <c>POST /v1/token</c>.</param>
/// <param name="TooManyRequests">Requests answered <c>429</c>.</param>
public sealed record RequestCounters(long Requests, long TokenRequests, long TooManyRequests);

/// <summary>One request as the sandbox answered it.</summary>
/// <param name="Timestamp">When it arrived, by the sandbox's <see cref="TimeProvider"/>.</param>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Request path, without the query.</param>
/// <param name="Status">Status sent, or 0 when the connection was dropped (an injected drop or a client that went away).</param>
/// <param name="ClientId">OAuth client id, when the request carried one.</param>
/// <param name="SourceIp">Source IP address.</param>
public sealed record RequestLogEntry(DateTimeOffset Timestamp, string Method, string Path, int Status, string? ClientId, string SourceIp);
