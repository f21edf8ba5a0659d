namespace TeGen.Client;

/// <summary>
/// The SDK refused to request a token because the budget of token requests in the last hour (TE allows 2 per source
/// IP) is spent. Nothing was sent. <see cref="NextAllowedAt"/> says when a request is allowed again; when the budget was
/// spent by failed token requests, <see cref="Exception.InnerException"/> is the last of those failures.
/// </summary>
public sealed class TokenBudgetExceededException : TotalExpertApiException
{
    internal TokenBudgetExceededException(DateTimeOffset nextAllowedAt, int maxPerHour, DateTimeOffset now, Exception? lastFailure = null)
        : base(TotalExpertErrorDetails.Local(
            "POST /v1/token",
            $"TE allows {maxPerHour} token request(s) per hour from one egress and they have been used; the next token request is allowed at {nextAllowedAt:u}. Nothing was sent. "
            + (lastFailure is null
                ? "They are shared by every credential and user session leaving through this egress (TotalExpert:Egress); keep one connection per credential for the life of the application, and see TotalExpertPartner's token schedule for who holds tokens."
                : $"The last token request failed: {lastFailure.Message}"),
            mayHaveBeenProcessed: false,
            retryAfter: nextAllowedAt > now ? nextAllowedAt - now : TimeSpan.Zero), lastFailure)
    {
        NextAllowedAt = nextAllowedAt;
        MaxPerHour = maxPerHour;
    }

    /// <summary>When the next token request is allowed.</summary>
    public DateTimeOffset NextAllowedAt { get; }

    /// <summary>The configured number of token requests per rolling hour.</summary>
    public int MaxPerHour { get; }
}
