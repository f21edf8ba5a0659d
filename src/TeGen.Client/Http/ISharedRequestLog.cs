namespace TeGen.Client.Http;

/// <summary>
/// A log of the permits of one egress that every process of the egress shares (the Redis log of TeGen.Client.Redis):
/// each permit a process's <see cref="TeRequestRateLimiter"/> grants is also taken here, so the processes together stay
/// within TE's limit. Each permit in the log carries the moment it frees: two windows after it is taken (the lapse of a
/// request whose answer never came), moved to one window after TE's answer arrives (<see cref="CountAsync"/>), the
/// latest moment TE can have counted it. Give one to <see cref="TeRateLimiterRegistry(ISharedRequestLog, Microsoft.Extensions.Logging.ILoggerFactory?)"/>.
/// </summary>
/// <remarks>
/// Every operation is atomic in the log. Times come from the calling process's clock: machines sharing a log need
/// synchronized clocks (NTP), and their skew must stay well below <see cref="RateLimitHandlerOptions.SafetyMargin"/>.
/// An operation that fails (the log unreachable) throws; the limiter then falls back to a local share of the limit
/// (<see cref="FallbackShare"/>) and tries the log again every <see cref="ProbeInterval"/>.
/// </remarks>
public interface ISharedRequestLog
{
    /// <summary>
    /// The largest fraction of the egress's limit one process uses on its own while the log is unreachable; the limiter
    /// uses less when it last saw more processes sharing the log (1 ÷ their number).
    /// </summary>
    double FallbackShare { get; }

    /// <summary>How often a process that fell back tries the log again.</summary>
    TimeSpan ProbeInterval { get; }

    /// <summary>
    /// In one atomic step: forgets the permits of <paramref name="scope"/> freed by <paramref name="now"/>, and unless
    /// the scope is paused or holds <paramref name="limit"/> permits, adds <paramref name="permit"/>, freeing two windows
    /// from now. Also records that <paramref name="process"/> uses the scope.
    /// </summary>
    /// <param name="scope">The egress and TE host; names no secret.</param>
    /// <param name="permit">A unique id for the permit.</param>
    /// <param name="process">A unique id of the calling limiter, to count the processes sharing the scope.</param>
    /// <param name="limit">Permits allowed per window (less than the egress's limit while the caller keeps room for processes not back from an outage).</param>
    /// <param name="window">The window, safety margin included.</param>
    /// <param name="now">The current time.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    ValueTask<SharedPermitAttempt> TryTakeAsync(string scope, string permit, string process, int limit, TimeSpan window, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Moves <paramref name="permit"/>'s freeing to <paramref name="freesAt"/> (TE's answer arrived), if it is still in the log.</summary>
    /// <param name="scope">The permit's scope.</param>
    /// <param name="permit">The permit's id.</param>
    /// <param name="freesAt">One window after the answer arrived.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    ValueTask CountAsync(string scope, string permit, DateTimeOffset freesAt, CancellationToken cancellationToken);

    /// <summary>Holds every process's permits of <paramref name="scope"/> until <paramref name="until"/> (a 429's <c>Retry-After</c>); an earlier pause is never shortened.</summary>
    /// <param name="scope">The scope.</param>
    /// <param name="until">When permits may be taken again.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    ValueTask PauseAsync(string scope, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>
    /// Adds permits the process granted on its own — while the log was unreachable, and while it returns to the log each
    /// permit before its request goes — each freeing at the given moment, which a later <see cref="CountAsync"/> may
    /// move. Also records that <paramref name="process"/> uses the scope. With none to add it must still reach the log: a
    /// process that fell back learns from it whether the log is back.
    /// </summary>
    /// <param name="scope">The scope.</param>
    /// <param name="process">The calling limiter's id, as for <see cref="TryTakeAsync"/>.</param>
    /// <param name="permits">The permits, by id, with when each frees.</param>
    /// <param name="window">The window, safety margin included.</param>
    /// <param name="now">The current time.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The number of processes that used the scope within the last window, the caller included.</returns>
    ValueTask<int> AddAsync(string scope, string process, IReadOnlyList<SharedPermitEntry> permits, TimeSpan window, DateTimeOffset now, CancellationToken cancellationToken);
}
