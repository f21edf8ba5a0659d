using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using TeGen.Client.Diagnostics;

namespace TeGen.Client.Http;

/// <summary>
/// Takes each permit an egress's <see cref="TeRequestRateLimiter"/> granted in this process from the log every process
/// of the egress shares (<see cref="ISharedRequestLog"/>), waiting when the log is full or paused. One caller of the
/// process talks to the log at a time, in the order the local limiter granted them (fair among tenants); token
/// requests, which calls of every tenant may be waiting for, do not queue behind them.
/// </summary>
/// <remarks>
/// When the log is unreachable the process does not go unlimited: it falls back to a local limiter at
/// <see cref="ISharedRequestLog.FallbackShare"/> of the limit (less when it last saw more processes: 1 ÷ their
/// number), which starts paused for one window, because what the other processes were granted just before the outage is
/// unknown and must age out first. It warns once per outage and counts in <c>tegen.coordination.fallbacks</c> and
/// <c>tegen.coordination.degraded</c>. It tries the log again every <see cref="ISharedRequestLog.ProbeInterval"/>; when
/// the log answers, it adds the permits it took alone during the last window and stays on its share one more window,
/// adding each permit it takes, so that when it returns to the log every process that came back with it is counted there.
/// </remarks>
internal sealed class SharedPermits(ISharedRequestLog log, string scope, int limit, TimeSpan window, TimeProvider time, ILogger logger)
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly string _process = Guid.NewGuid().ToString("N");
    private readonly object _gate = new();
    private int _processesSeen = 1;
    private Fallback? _fallback;
    private long _nextProbeTicks;
    private int _probing;

    /// <summary>Whether the log is unreachable (or was, within the last window) and the process runs on its local share.</summary>
    public bool Degraded => Volatile.Read(ref _fallback) is not null;

    /// <summary>The permits per window of the local fallback, while <see cref="Degraded"/>.</summary>
    public int? FallbackLimit => Volatile.Read(ref _fallback)?.Limiter.PermitLimit;

    /// <summary>
    /// Takes a permit for a request the local limiter granted, waiting as the log requires but not past
    /// <paramref name="deadline"/>: then the lease returned is not acquired, its <see cref="Lease.RetryAfter"/> the
    /// expected wait.
    /// </summary>
    public async ValueTask<Lease> AcquireAsync(DateTimeOffset? deadline, bool tokenRequest, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (Volatile.Read(ref _fallback) is { } fallback)
            {
                await ProbeAsync(fallback, cancellationToken).ConfigureAwait(false);
                if (Volatile.Read(ref _fallback) is { } still)
                {
                    return await LocalAsync(still, deadline, cancellationToken).ConfigureAwait(false);
                }
            }

            var lease = tokenRequest
                ? await NegotiateAsync(deadline, cancellationToken).ConfigureAwait(false)
                : await InTurnAsync(deadline, cancellationToken).ConfigureAwait(false);
            if (lease is not null)
            {
                return lease;
            }
        }
    }

    /// <summary>Pauses every process's permits until <paramref name="until"/> (a 429); the local fallback too while degraded.</summary>
    public async ValueTask PauseAsync(DateTimeOffset until)
    {
        Volatile.Read(ref _fallback)?.Limiter.PauseUntil(until);
        try
        {
            await log.PauseAsync(scope, until, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The local limiter is paused already; the others will meet TE's 429 themselves.
        }
    }

    private async ValueTask<Lease?> InTurnAsync(DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        if (deadline is { } d)
        {
            var left = d - time.GetUtcNow();
            if (left <= TimeSpan.Zero || !await _turn.WaitAsync(left, cancellationToken).ConfigureAwait(false))
            {
                return Lease.Refused(window / limit);
            }
        }
        else
        {
            await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return await NegotiateAsync(deadline, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _turn.Release();
        }
    }

    // A permit from the log, waiting while it is full or paused; null when the log failed and the process fell back.
    private async ValueTask<Lease?> NegotiateAsync(DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        while (Volatile.Read(ref _fallback) is null)
        {
            var now = time.GetUtcNow();
            var permit = Guid.NewGuid().ToString("N");
            SharedPermitAttempt attempt;
            try
            {
                attempt = await log.TryTakeAsync(scope, permit, _process, limit, window, now, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                FallBack(e, now);
                return null;
            }

            _processesSeen = Math.Max(1, attempt.Processes);
            if (attempt.Taken)
            {
                return new Lease(this, permit, null);
            }

            if (deadline is { } d && now + attempt.Wait > d)
            {
                return Lease.Refused(attempt.Wait);
            }

            // Looked at again at least every eighth of a window: a wait computed while permits were in flight (two windows)
            // shortens as their answers arrive, in this process or another.
            await Task.Delay(attempt.Wait < window / 8 ? attempt.Wait : window / 8, time, cancellationToken).ConfigureAwait(false);
        }

        return null;
    }

    private async ValueTask<Lease> LocalAsync(Fallback fallback, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        var local = await fallback.Limiter.AcquireAsync(1, deadline, cancellationToken).ConfigureAwait(false);
        if (!local.IsAcquired)
        {
            local.TryGetMetadata(MetadataName.RetryAfter, out var wait);
            local.Dispose();
            return Lease.Refused(wait);
        }

        return new Lease(this, null, new FallbackPermit(fallback, local));
    }

    // Every ProbeInterval, one caller asks the log whether it is back; a recovery that has run a window ends.
    private async ValueTask ProbeAsync(Fallback fallback, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now.UtcTicks < Volatile.Read(ref _nextProbeTicks) || Interlocked.Exchange(ref _probing, 1) != 0)
        {
            return;
        }

        try
        {
            Volatile.Write(ref _nextProbeTicks, (now + log.ProbeInterval).UtcTicks);
            if (fallback.RecoveredAt is { } recovered)
            {
                if (now >= recovered)
                {
                    Recover(fallback);
                }

                return;
            }

            var (outstanding, seen) = fallback.Outstanding(now, window);
            await log.AddAsync(scope, outstanding, cancellationToken).ConfigureAwait(false);
            var late = fallback.Recovering(now + window, seen, window);
            if (late.Count > 0)
            {
                await log.AddAsync(scope, late, cancellationToken).ConfigureAwait(false);
            }

            logger.LogInformation("The shared rate-limit log of egress {Scope} is reachable again; this process returns to it in one window", scope);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Still unreachable: on the local share until the next probe.
        }
        finally
        {
            Volatile.Write(ref _probing, 0);
        }
    }

    private void FallBack(Exception error, DateTimeOffset now)
    {
        lock (_gate)
        {
            Volatile.Write(ref _nextProbeTicks, (now + log.ProbeInterval).UtcTicks);
            if (_fallback is not null)
            {
                return;
            }

            var share = Math.Min(log.FallbackShare, 1.0 / _processesSeen);
            var limiter = new TeRequestRateLimiter(Math.Max(1, (int)(limit * share)), window, time);
            // The others' permits of the last window are unknown: let them age out before using the share.
            limiter.PauseUntil(now + window);
            Volatile.Write(ref _fallback, new Fallback(limiter, this));
            TeGenTelemetry.CoordinationFallbacks.Add(1);
            TeGenTelemetry.CoordinationDegraded.Add(1);
            logger.LogWarning(
                "The shared rate-limit log of egress {Scope} is unreachable ({Error}); this process runs alone at {Limit} requests per {Window} (share {Share:0.###}) after one window's pause, and tries the log again every {Probe}",
                scope, error.GetType().Name, limiter.PermitLimit, window, share, log.ProbeInterval);
        }
    }

    private void Recover(Fallback fallback)
    {
        lock (_gate)
        {
            if (ReferenceEquals(_fallback, fallback))
            {
                // Callers still queued on the fallback are served by it at the share; their permits go to the log as counted.
                Volatile.Write(ref _fallback, null);
                TeGenTelemetry.CoordinationDegraded.Add(-1);
                logger.LogInformation("Back on the shared rate-limit log of egress {Scope}", scope);
            }
        }
    }

    private DateTimeOffset Now => time.GetUtcNow();

    private TimeSpan Window => window;

    private async ValueTask CountAsync(string permit)
    {
        try
        {
            await log.CountAsync(scope, permit, time.GetUtcNow() + window, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Uncounted, the permit lapses two windows after it was taken: later than needed, never too early.
        }
    }

    private async ValueTask AddAsync(DateTimeOffset freesAt)
    {
        try
        {
            await log.AddAsync(scope, [freesAt], CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Unreachable again: the permit stays the process's own, as during the outage.
        }
    }

    /// <summary>A permit from the shared log or from the local fallback; disposing it counts it (TE's answer arrived).</summary>
    internal sealed class Lease : IAsyncDisposable
    {
        private readonly SharedPermits? _owner;
        private readonly string? _permit;
        private readonly FallbackPermit? _local;
        private int _counted;

        public Lease(SharedPermits owner, string? permit, FallbackPermit? local)
        {
            _owner = owner;
            _permit = permit;
            _local = local;
        }

        private Lease(TimeSpan retryAfter) => RetryAfter = retryAfter;

        public bool IsAcquired => _owner is not null;

        /// <summary>When not acquired, the expected wait.</summary>
        public TimeSpan RetryAfter { get; }

        public static Lease Refused(TimeSpan retryAfter) => new(retryAfter);

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _counted, 1) != 0 || _owner is null)
            {
                return;
            }

            if (_local is not null)
            {
                await _local.CountAsync(_owner.Now).ConfigureAwait(false);
            }
            else
            {
                await _owner.CountAsync(_permit!).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The local limiter used while the log is unreachable, and the permits it counted.</summary>
    internal sealed class Fallback(TeRequestRateLimiter limiter, SharedPermits owner)
    {
        private readonly Queue<DateTimeOffset> _counted = new();
        private long _recoveredAtTicks;

        public TeRequestRateLimiter Limiter { get; } = limiter;

        /// <summary>When the log answered again plus a window: the moment the process returns to it.</summary>
        public DateTimeOffset? RecoveredAt => Volatile.Read(ref _recoveredAtTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

        /// <summary>
        /// The log answered: from now on each permit counted goes to the log at once. Forgets the first
        /// <paramref name="added"/> permits (the log has them) and returns the ones counted since, for the log.
        /// </summary>
        public IReadOnlyList<DateTimeOffset> Recovering(DateTimeOffset returnAt, int added, TimeSpan window)
        {
            lock (_counted)
            {
                Volatile.Write(ref _recoveredAtTicks, returnAt.UtcTicks);
                for (var i = 0; i < added; i++)
                {
                    _counted.Dequeue();
                }

                var late = _counted.Select(at => at + window).ToList();
                _counted.Clear();
                return late;
            }
        }

        /// <summary>Records a permit counted at <paramref name="at"/>; once the log answers again, adds it there.</summary>
        public async ValueTask CountedAsync(DateTimeOffset at)
        {
            lock (_counted)
            {
                if (RecoveredAt is null)
                {
                    _counted.Enqueue(at);
                    return;
                }
            }

            await owner.AddAsync(at + owner.Window).ConfigureAwait(false);
        }

        /// <summary>When each permit counted within the last window frees, for the log, and how many permits were looked at.</summary>
        public (IReadOnlyList<DateTimeOffset> FreeAt, int Seen) Outstanding(DateTimeOffset now, TimeSpan window)
        {
            lock (_counted)
            {
                return ([.. _counted.Where(at => at + window > now).Select(at => at + window)], _counted.Count);
            }
        }
    }

    /// <summary>A permit of the fallback limiter.</summary>
    internal sealed class FallbackPermit(Fallback fallback, RateLimitLease lease)
    {
        public ValueTask CountAsync(DateTimeOffset at)
        {
            lease.Dispose();
            return fallback.CountedAsync(at);
        }
    }
}
