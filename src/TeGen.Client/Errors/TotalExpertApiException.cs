namespace TeGen.Client;

/// <summary>
/// A TE call failed. Subclasses name the kind (<see cref="TotalExpertValidationException"/>,
/// <see cref="TotalExpertAuthenticationException"/>, <see cref="TotalExpertRateLimitException"/>,
/// <see cref="TotalExpertTransportException"/>, <see cref="TotalExpertTimeoutException"/>, ...); <see cref="TeError"/>
/// carries TE's own text. The message names the status, the operation and TE's error text, never the body (it may hold
/// personal data) and never a token or secret; <see cref="Response"/> has the start of the body for those who ask.
/// </summary>
public class TotalExpertApiException : Exception
{
    // Headers worth keeping on an error: none of them carries a secret or personal data.
    private static readonly HashSet<string> KeptHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Retry-After", "X-Request-Id", "Content-Type", "Content-Length", "WWW-Authenticate", "Location", "Date",
    };

    /// <summary>Creates an exception for an answer the generated client did not expect.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="statusCode">TE's status; 0 when no answer arrived.</param>
    /// <param name="response">The start of TE's body, if read.</param>
    /// <param name="headers">TE's headers; only an allow-list of harmless ones is kept.</param>
    /// <param name="innerException">The cause, if any.</param>
    protected internal TotalExpertApiException(string message, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>> headers, Exception? innerException)
        : base(statusCode == 0 ? message : $"{message.TrimEnd('.')} (TE answered {statusCode}).", innerException)
    {
        StatusCode = statusCode;
        Response = response;
        Headers = Kept(headers);
    }

    /// <summary>Creates an exception describing a failed TE call.</summary>
    /// <param name="details">What happened.</param>
    /// <param name="innerException">The exception that caused this one, if any.</param>
    protected internal TotalExpertApiException(TotalExpertErrorDetails details, Exception? innerException = null)
        : base(details.Message, innerException)
    {
        StatusCode = details.StatusCode;
        Response = details.Body;
        Headers = Kept(details.Headers);
        TeError = details.TeError;
        TeErrorDescription = details.TeErrorDescription;
        RetryAfter = details.RetryAfter;
        Operation = details.Operation;
        RequestId = details.RequestId;
        MayHaveBeenProcessed = details.MayHaveBeenProcessed;
    }

    /// <summary>The HTTP status TE answered; 0 when no answer arrived or the SDK refused the call itself.</summary>
    public int StatusCode { get; }

    /// <summary>The start of TE's answer body (at most a few kilobytes), if one was read. Not part of <see cref="Exception.Message"/>.</summary>
    public string? Response { get; }

    /// <summary>TE's answer headers that carry nothing sensitive (Retry-After, X-Request-Id, Content-Type, WWW-Authenticate, Location, ...).</summary>
    public IReadOnlyDictionary<string, IEnumerable<string>> Headers { get; }

    /// <summary>TE's error text: the <c>error</c> member of its error body (or <c>message</c> on newer endpoints).</summary>
    public string? TeError { get; }

    /// <summary>The <c>error_description</c> of OAuth-style errors (<c>invalid_client</c>, <c>insufficient_scope</c>, ...).</summary>
    public string? TeErrorDescription { get; }

    /// <summary>How long TE (or the SDK's own limiter) asked the caller to wait, when it said.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>The request that failed, as <c>METHOD /path</c> (no query string, no headers).</summary>
    public string? Operation { get; }

    /// <summary>The request id TE or a proxy returned (<c>X-Request-Id</c>), when there was one.</summary>
    public string? RequestId { get; }

    /// <summary>
    /// Whether TE may have acted on the request although the call failed: <c>true</c> after a 5xx, a timeout, a
    /// connection broken after sending, or an answer that could not be read; <c>false</c> when TE refused the request
    /// (4xx) or it never left the SDK. Before repeating a create TE does not deduplicate (a note, a survey response,
    /// an insight), check TE for the record when this is <c>true</c>.
    /// </summary>
    public bool MayHaveBeenProcessed { get; }

    /// <summary>Set on failures to obtain a token on behalf of a call: the call itself was not sent.</summary>
    internal bool BeforeSending { get; set; }

    private static Dictionary<string, IEnumerable<string>> Kept(IReadOnlyDictionary<string, IEnumerable<string>> headers) =>
        headers.Where(h => KeptHeaders.Contains(h.Key)).ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase);
}

/// <summary>TE answered with a status the spec describes with a body of its own (e.g. the teapot's 418); <see cref="Result"/> is that body.</summary>
/// <typeparam name="TResult">The body's type.</typeparam>
public class TotalExpertApiException<TResult> : TotalExpertApiException
{
    /// <summary>Creates the exception (generated clients do).</summary>
    /// <param name="message">What TE's status means.</param>
    /// <param name="statusCode">TE's status.</param>
    /// <param name="response">The start of TE's body.</param>
    /// <param name="headers">TE's headers; only an allow-list is kept.</param>
    /// <param name="result">The body, read.</param>
    /// <param name="innerException">The cause, if any.</param>
    protected internal TotalExpertApiException(string message, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>> headers, TResult result, Exception? innerException)
        : base(message, statusCode, response, headers, innerException)
    {
        Result = result;
    }

    /// <summary>TE's body, as the spec describes it for this status.</summary>
    public TResult Result { get; }
}
