namespace TeGen.Client.Http;

/// <summary>
/// Bounds of one HTTP exchange with TE (configuration section <c>TotalExpert:Transport</c>), kept by
/// <see cref="AttemptTimeoutHandler"/> and <see cref="ResponseBodyHandler"/>: how long an attempt may take, headers and
/// body, and how large an answer may be.
/// </summary>
public sealed class TransportOptions
{
    // Timers take at most about 49.7 days; no TE answer is worth waiting a day for.
    private static readonly TimeSpan MaxAttemptTimeout = TimeSpan.FromDays(1);

    /// <summary>
    /// Time allowed for one HTTP attempt, headers and body. Default 100 seconds; <see cref="Timeout.InfiniteTimeSpan"/> for
    /// none. On the system clock an attempt is cut off within an eighth of this (at most half a second) after it runs out:
    /// one shared timer checks every attempt's deadline, which costs far less per call than a timer per attempt.
    /// </summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>
    /// The largest answer the SDK reads, in bytes; a larger one fails with <see cref="TotalExpertResponseTooLargeException"/>
    /// without being read. Error answers are read only up to their first few kilobytes whatever this says. Default 32 MiB.
    /// </summary>
    public long MaxResponseBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>Checks the settings; names them <c>Transport:&lt;Setting&gt;</c>.</summary>
    internal void Check(OptionChecks check)
    {
        CheckTimeout(check, "Transport:AttemptTimeout", AttemptTimeout);
        check.Within("Transport:MaxResponseBytes", MaxResponseBytes, 1024, Array.MaxLength);
    }

    /// <summary>Checks an attempt timeout, the connection's or a call's.</summary>
    internal static void CheckTimeout(OptionChecks check, string setting, TimeSpan timeout) =>
        check.That(setting, timeout == Timeout.InfiniteTimeSpan || (timeout > TimeSpan.Zero && timeout <= MaxAttemptTimeout),
            $"must be between 1 ms and {MaxAttemptTimeout.TotalHours:0} h, or Timeout.InfiniteTimeSpan (got {timeout})");
}
