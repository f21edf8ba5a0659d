namespace TeGen.Client.Redis;

/// <summary>
/// Redis could not be reached for a token: nothing was sent to TE. A token request is not made without the shared
/// budget and lock (it might be the egress's third of the hour), so calls needing a new token fail until Redis is back;
/// calls with a token already in memory go on.
/// </summary>
public sealed class TeCoordinationUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What could not be done.</param>
    /// <param name="innerException">The Redis failure.</param>
    public TeCoordinationUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
