namespace TeGen.Client;

/// <summary>TE refused the request's content: 400 (malformed), 415 (not JSON) or 422 (not processable,
/// e.g. <c>Unable to find target for relationship: 'owner'</c>). <see cref="TotalExpertApiException.TeError"/> says why.</summary>
public sealed class TotalExpertValidationException : TotalExpertApiException
{
    internal TotalExpertValidationException(TotalExpertErrorDetails details) : base(details) { }
}

/// <summary>TE refused the credentials or the token: 401 (<c>invalid_token</c>, <c>insufficient_scope</c>) or a token
/// endpoint error (<c>invalid_client</c>, <c>invalid_grant</c>).</summary>
public sealed class TotalExpertAuthenticationException : TotalExpertApiException
{
    internal TotalExpertAuthenticationException(TotalExpertErrorDetails details) : base(details) { }
}

/// <summary>The caller may not use this resource (403), e.g. a user token on an admin-only endpoint.</summary>
public sealed class TotalExpertForbiddenException : TotalExpertApiException
{
    internal TotalExpertForbiddenException(TotalExpertErrorDetails details) : base(details) { }
}

/// <summary>TE has no such record (404).</summary>
public sealed class TotalExpertNotFoundException : TotalExpertApiException
{
    internal TotalExpertNotFoundException(TotalExpertErrorDetails details) : base(details) { }
}

/// <summary>TE's rate limit was hit (429) and retries did not get through; see
/// <see cref="TotalExpertApiException.RetryAfter"/>.</summary>
public sealed class TotalExpertRateLimitException : TotalExpertApiException
{
    internal TotalExpertRateLimitException(TotalExpertErrorDetails details) : base(details) { }
}

/// <summary>TE failed (5xx) and retries, where safe, did not get through.</summary>
public sealed class TotalExpertServerException : TotalExpertApiException
{
    internal TotalExpertServerException(TotalExpertErrorDetails details) : base(details) { }
}
