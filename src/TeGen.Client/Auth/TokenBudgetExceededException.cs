namespace TeGen.Client.Auth;

/// <summary>
/// The SDK refused to request a token because the budget of token requests for this client id in the last hour
/// (TE allows 2) is spent. Nothing was sent. <see cref="NextAllowedAt"/> says when a request is allowed again.
/// </summary>
public sealed class TokenBudgetExceededException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="nextAllowedAt">When the next token request is allowed.</param>
    /// <param name="maxPerHour">The configured budget.</param>
    public TokenBudgetExceededException(DateTimeOffset nextAllowedAt, int maxPerHour)
        : base($"TE allows {maxPerHour} token request(s) per hour and this client id has used them; "
            + $"the next token request is allowed at {nextAllowedAt:u}. Nothing was sent. "
            + "Share one client (or token store) across your code instead of creating clients per call.")
    {
        NextAllowedAt = nextAllowedAt;
        MaxPerHour = maxPerHour;
    }

    /// <summary>When the next token request is allowed.</summary>
    public DateTimeOffset NextAllowedAt { get; }

    /// <summary>The configured number of token requests per rolling hour.</summary>
    public int MaxPerHour { get; }
}
