namespace TeGen.Client;

// Extends the exception class generated from the spec (ExceptionClass="TotalExpertApiException"), so every
// error the SDK reports, from the generated clients or from its handlers, is a TotalExpertApiException.

/// <summary>
/// TE answered with an error. Subclasses name the kind (<see cref="TotalExpertValidationException"/>,
/// <see cref="TotalExpertAuthenticationException"/>, <see cref="TotalExpertRateLimitException"/>, ...);
/// <see cref="TeError"/> carries TE's own text. Never carries a token or secret.
/// </summary>
public partial class TotalExpertApiException
{
    /// <summary>TE's error text: the <c>error</c> member of its error body (or <c>message</c> on newer endpoints).</summary>
    public string? TeError { get; private init; }

    /// <summary>The <c>error_description</c> of OAuth-style errors (<c>invalid_client</c>, <c>insufficient_scope</c>, ...).</summary>
    public string? TeErrorDescription { get; private init; }

    /// <summary>How long TE asked the caller to wait (<c>Retry-After</c>), when it said.</summary>
    public TimeSpan? RetryAfter { get; private init; }

    /// <summary>The request that failed, as <c>METHOD /path</c> (no query string, no headers).</summary>
    public string? Operation { get; private init; }

    /// <summary>The request id TE or a proxy returned (<c>X-Request-Id</c>), when there was one.</summary>
    public string? RequestId { get; private init; }

    /// <summary>Creates an exception describing a TE error response.</summary>
    /// <param name="details">What TE answered.</param>
    /// <param name="innerException">The exception that caused this one, if any.</param>
    protected internal TotalExpertApiException(TotalExpertErrorDetails details, Exception? innerException = null)
        : this(details.Message, details.StatusCode, details.Body, details.Headers, innerException)
    {
        TeError = details.TeError;
        TeErrorDescription = details.TeErrorDescription;
        RetryAfter = details.RetryAfter;
        Operation = details.Operation;
        RequestId = details.RequestId;
    }
}
