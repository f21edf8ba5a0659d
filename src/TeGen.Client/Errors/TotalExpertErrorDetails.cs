namespace TeGen.Client;

/// <summary>What TE answered to a failed request (or what kept it from answering), as read by the SDK before it throws.</summary>
/// <param name="StatusCode">HTTP status TE answered; 0 when no answer arrived.</param>
/// <param name="Message">The exception message: status, operation and TE's own text.</param>
/// <param name="Body">The start of TE's response body (error bodies only, bounded; never a token response).</param>
/// <param name="Headers">Response headers.</param>
/// <param name="TeError">TE's <c>error</c> (or <c>message</c>) text.</param>
/// <param name="TeErrorDescription">TE's <c>error_description</c>, on OAuth-style errors.</param>
/// <param name="RetryAfter">TE's <c>Retry-After</c>, or the SDK's own estimate of the wait, when known.</param>
/// <param name="Operation">The request as <c>METHOD /path</c>.</param>
/// <param name="RequestId">The response's <c>X-Request-Id</c>, when given.</param>
/// <param name="MayHaveBeenProcessed">Whether TE may have acted on the request.</param>
public sealed record TotalExpertErrorDetails(
    int StatusCode,
    string Message,
    string? Body,
    IReadOnlyDictionary<string, IEnumerable<string>> Headers,
    string? TeError,
    string? TeErrorDescription,
    TimeSpan? RetryAfter,
    string? Operation,
    string? RequestId,
    bool MayHaveBeenProcessed = false)
{
    private static readonly IReadOnlyDictionary<string, IEnumerable<string>> NoHeaders = new Dictionary<string, IEnumerable<string>>();

    /// <summary>Details of a failure where TE's answer (if any) carries nothing more than the SDK's own message.</summary>
    internal static TotalExpertErrorDetails Local(string? operation, string message, bool mayHaveBeenProcessed, TimeSpan? retryAfter = null, int statusCode = 0) =>
        new(statusCode, message, null, NoHeaders, null, null, retryAfter, operation, null, mayHaveBeenProcessed);

    /// <summary>The request as <c>METHOD /path</c>, without query string.</summary>
    internal static string? OperationOf(HttpRequestMessage? request) =>
        request is null ? null : $"{request.Method} {request.RequestUri?.AbsolutePath}";
}
