namespace TeGen.Client.Http;

/// <summary>Where a handler added with <see cref="TotalExpertClientOptions.AddHandler"/> sits in TeGen's pipeline.</summary>
public enum TeHandlerPosition
{
    /// <summary>
    /// Once per call, outside the retries: it sees the request as the generated client built it and the final answer
    /// (error statuses still as responses; TeGen turns them into exceptions further out).
    /// </summary>
    PerCall,

    /// <summary>
    /// Once per attempt, inside the retries and before authentication and the rate limiter: it sees every retry and the
    /// 401 renewal's repeat, and each attempt's answer.
    /// </summary>
    PerAttempt,
}
