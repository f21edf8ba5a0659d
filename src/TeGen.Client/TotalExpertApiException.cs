namespace TeGen.Client;

// Extends the exception class generated from the spec (ExceptionClass="TotalExpertApiException"), so every
// error the SDK reports, from the generated clients or from its handlers, is a TotalExpertApiException.

/// <summary>
/// A TE call failed. Subclasses name the kind (<see cref="TotalExpertValidationException"/>,
/// <see cref="TotalExpertAuthenticationException"/>, <see cref="TotalExpertRateLimitException"/>,
/// <see cref="TotalExpertTransportException"/>, <see cref="TotalExpertTimeoutException"/>, ...);
/// <see cref="TeError"/> carries TE's own text. Never carries a token or secret.
/// </summary>
public partial class TotalExpertApiException
{
    private readonly string? _message;

    /// <summary>TE's error text: the <c>error</c> member of its error body (or <c>message</c> on newer endpoints).</summary>
    public string? TeError { get; private init; }

    /// <summary>The <c>error_description</c> of OAuth-style errors (<c>invalid_client</c>, <c>insufficient_scope</c>, ...).</summary>
    public string? TeErrorDescription { get; private init; }

    /// <summary>How long TE (or the SDK's own limiter) asked the caller to wait, when it said.</summary>
    public TimeSpan? RetryAfter { get; private init; }

    /// <summary>The request that failed, as <c>METHOD /path</c> (no query string, no headers).</summary>
    public string? Operation { get; private init; }

    /// <summary>The request id TE or a proxy returned (<c>X-Request-Id</c>), when there was one.</summary>
    public string? RequestId { get; private init; }

    /// <summary>
    /// Whether TE may have acted on the request although the call failed: <c>true</c> after a 5xx, a timeout, a
    /// connection broken after sending, or an answer that could not be read; <c>false</c> when TE refused the request
    /// (4xx) or it never left the SDK. Before repeating a create TE does not deduplicate (a note, a survey response,
    /// an insight), check TE for the record when this is <c>true</c>.
    /// </summary>
    public bool MayHaveBeenProcessed { get; private init; }

    /// <inheritdoc />
    public override string Message => _message ?? base.Message;

    /// <summary>Set on failures to obtain a token on behalf of a call: the call itself was not sent.</summary>
    internal bool BeforeSending { get; set; }

    /// <summary>Creates an exception describing a failed TE call.</summary>
    /// <param name="details">What happened.</param>
    /// <param name="innerException">The exception that caused this one, if any.</param>
    protected internal TotalExpertApiException(TotalExpertErrorDetails details, Exception? innerException = null)
        : this(details.Message, details.StatusCode, details.Body, details.Headers, innerException)
    {
        _message = details.Message;
        TeError = details.TeError;
        TeErrorDescription = details.TeErrorDescription;
        RetryAfter = details.RetryAfter;
        Operation = details.Operation;
        RequestId = details.RequestId;
        MayHaveBeenProcessed = details.MayHaveBeenProcessed;
    }
}
