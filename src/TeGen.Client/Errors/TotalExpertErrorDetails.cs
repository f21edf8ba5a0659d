namespace TeGen.Client;

/// <summary>What TE answered to a failed request, as read by the SDK before it throws.</summary>
/// <param name="StatusCode">HTTP status TE answered.</param>
/// <param name="Message">The exception message: status, operation and TE's own text.</param>
/// <param name="Body">TE's response body (error bodies only; never a token response).</param>
/// <param name="Headers">Response headers.</param>
/// <param name="TeError">TE's <c>error</c> (or <c>message</c>) text.</param>
/// <param name="TeErrorDescription">TE's <c>error_description</c>, on OAuth-style errors.</param>
/// <param name="RetryAfter">TE's <c>Retry-After</c>, when given.</param>
/// <param name="Operation">The request as <c>METHOD /path</c>.</param>
/// <param name="RequestId">The response's <c>X-Request-Id</c>, when given.</param>
public sealed record TotalExpertErrorDetails(
    int StatusCode,
    string Message,
    string? Body,
    IReadOnlyDictionary<string, IEnumerable<string>> Headers,
    string? TeError,
    string? TeErrorDescription,
    TimeSpan? RetryAfter,
    string? Operation,
    string? RequestId);
