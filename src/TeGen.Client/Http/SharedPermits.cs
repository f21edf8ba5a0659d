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
/// the log answers, it adds the permits it granted alone that TE may still count (answered within the last window, or
/// not answered yet), and stays on its share one more window, taking each permit it grants from the log as well, so
/// that when it returns to the log every process that came back with it is counted there. Back on the log, it keeps
/// free the share of each process it saw before the outage and does not see yet (its connection may come back later,
/// meanwhile it runs on its share, unseen), for <see cref="ReservationWindows"/> windows at most.
/// </remarks>
internal sealed class SharedPermits(ISharedRequestLog log, string scope, int limit, TimeSpan window, TimeProvider time, ILogger logger)
{
    /// <summary>How many windows after its return a process keeps room for the processes not back yet (a crashed one never is).</summary>
    internal const int ReservationWindows = 5;

    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly string _process = Guid.NewGuid().ToString("N");
    private readonly object _gate = new();
    private int _processesSeen = 1;
    private int _processesAtOutage = 1;
    private long _reserveUntilTicks;
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
                    return await LocalAsync(still, deadline, tokenRequest, cancellationToken).ConfigureAwait(false);
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
        while (Volatile.Read(ref _fallback) is not { RecoveredAt: null })
        {
            var now = time.GetUtcNow();
            var permit = Guid.NewGuid().ToString("N");
            SharedPermitAttempt attempt;
            try
            {
                attempt = await log.TryTakeAsync(scope, permit, _process, LimitAt(now), window, now, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                FallBack(e, now);
                return null;
            }

            Volatile.Write(ref _processesSeen, Math.Max(1, attempt.Processes));
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

    private async ValueTask<Lease> LocalAsync(Fallback fallback, DateTimeOffset? deadline, bool tokenRequest, CancellationToken cancellationToken)
    {
        var local = await fallback.Limiter.AcquireAsync(1, deadline, cancellationToken).ConfigureAwait(false);
        if (!local.IsAcquired)
        {
            local.TryGetMetadata(MetadataName.RetryAfter, out var wait);
            local.Dispose();
            return Lease.Refused(wait);
        }

        var permit = fallback.Grant(local, time.GetUtcNow(), out var returning);
        if (!returning)
        {
            return new Lease(this, null, permit);
        }

        // The log answers again: the permit is also taken from it, before its request goes, as every process's are. Added
        // after the fact, it could join a window that processes already back on the log have filled.
        Lease? shared;
        try
        {
            shared = tokenRequest
                ? await NegotiateAsync(deadline, cancellationToken).ConfigureAwait(false)
                : await InTurnAsync(deadline, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await permit.CountAsync(Now).ConfigureAwait(false);
            throw;
        }

        if (shared is { IsAcquired: false })
        {
            await permit.CountAsync(Now).ConfigureAwait(false);
            return shared;
        }

        // Null: the log failed again, and the permit is the process's own, as during the outage.
        return new Lease(this, shared?.Permit, permit);
    }

    // Back from an outage, the processes seen before it that the log does not show yet may still be on their fallback
    // share, unseen by the log: their share stays free until they show, for a few windows at most.
    private int LimitAt(DateTimeOffset now)
    {
        if (now.UtcTicks >= Volatile.Read(ref _reserveUntilTicks))
        {
            return limit;
        }

        var missing = Volatile.Read(ref _processesAtOutage) - Volatile.Read(ref _processesSeen);
        return missing <= 0 ? limit : Math.Max(1, limit - (missing * ShareOf(Volatile.Read(ref _processesAtOutage))));
    }

    // The permits per window of a process on its fallback share when it last saw this many processes.
    private int ShareOf(int processes) => Math.Max(1, (int)(limit * Math.Min(log.FallbackShare, 1.0 / processes)));

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

            var outstanding = fallback.Outstanding(now);
            var processes = await log.AddAsync(scope, _process, outstanding, window, now, cancellationToken).ConfigureAwait(false);

            // One window from when the log has this process's permits, not from when it was asked: a slow answer (a busy
            // machine) must not shorten the time the others have to come back.
            var added = time.GetUtcNow();
            var late = fallback.Recovering(added + window, outstanding, added);
            if (late.Count > 0)
            {
                processes = await log.AddAsync(scope, _process, late, window, added, cancellationToken).ConfigureAwait(false);
            }

            Volatile.Write(ref _processesSeen, Math.Max(1, processes));
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

            var seen = Volatile.Read(ref _processesSeen);
            Volatile.Write(ref _processesAtOutage, seen);
            var share = Math.Min(log.FallbackShare, 1.0 / seen);
            var limiter = new TeRequestRateLimiter(ShareOf(seen), window, time);
            // The others' permits of the last window are unknown: let them age out before using the share.
            limiter.PauseUntil(now + window);
            Volatile.Write(ref _fallback, new Fallback(limiter, this, window));
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
                // Callers still queued on the fallback are served by it at the share; their permits go to the log as granted.
                Volatile.Write(ref _fallback, null);
                Volatile.Write(ref _reserveUntilTicks, (Now + (ReservationWindows * window)).UtcTicks);
                TeGenTelemetry.CoordinationDegraded.Add(-1);
                logger.LogInformation(
                    "Back on the shared rate-limit log of egress {Scope}; {Processes} of the {Before} processes seen before the outage are back",
                    scope, Volatile.Read(ref _processesSeen), Volatile.Read(ref _processesAtOutage));
            }
        }
    }

    private DateTimeOffset Now => time.GetUtcNow();

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

    /// <summary>
    /// A permit from the shared log, from the local fallback, or from both (while returning to the log); disposing it
    /// counts it (TE's answer arrived).
    /// </summary>
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

        /// <summary>The permit's id in the shared log, if it was taken there.</summary>
        public string? Permit => _permit;

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

            if (_permit is not null)
            {
                await _owner.CountAsync(_permit).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The local limiter used while the log is unreachable, and the permits it granted.</summary>
    internal sealed class Fallback(TeRequestRateLimiter limiter, SharedPermits owner, TimeSpan window)
    {
        // The permits granted before the log answered again, in grant order, until they can no longer count at TE.
        private readonly Queue<FallbackPermit> _alone = new();
        private long _recoveredAtTicks;

        public TeRequestRateLimiter Limiter { get; } = limiter;

        /// <summary>When the log answered again plus a window: the moment the process returns to it.</summary>
        public DateTimeOffset? RecoveredAt => Volatile.Read(ref _recoveredAtTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

        /// <summary>
        /// Records a permit the limiter granted at <paramref name="at"/>; <paramref name="returning"/> says whether the log
        /// answers again, so that the caller must take the permit there too before its request goes.
        /// </summary>
        public FallbackPermit Grant(RateLimitLease lease, DateTimeOffset at, out bool returning)
        {
            lock (_alone)
            {
                var permit = new FallbackPermit(this, lease, Guid.NewGuid().ToString("N"), at, window);
                returning = RecoveredAt is not null;
                if (!returning)
                {
                    while (_alone.TryPeek(out var oldest) && oldest.Entry.FreesAt <= at)
                    {
                        _alone.Dequeue();
                    }

                    _alone.Enqueue(permit);
                }

                return permit;
            }
        }

        /// <summary>The permits granted alone that TE may still count after <paramref name="now"/>, for the log.</summary>
        public IReadOnlyList<SharedPermitEntry> Outstanding(DateTimeOffset now)
        {
            lock (_alone)
            {
                return [.. _alone.Select(p => p.Entry).Where(e => e.FreesAt > now)];
            }
        }

        /// <summary>
        /// The log has <paramref name="added"/>: from now on each permit is taken from the log as well, and the answers to
        /// the ones granted alone go to the log. Returns the permits granted or answered since <paramref name="added"/>
        /// was read, for the log.
        /// </summary>
        public IReadOnlyList<SharedPermitEntry> Recovering(DateTimeOffset returnAt, IReadOnlyList<SharedPermitEntry> added, DateTimeOffset now)
        {
            lock (_alone)
            {
                Volatile.Write(ref _recoveredAtTicks, returnAt.UtcTicks);
                var late = _alone.Select(p => p.Entry).Where(e => e.FreesAt > now).Except(added).ToList();
                foreach (var permit in _alone)
                {
                    permit.Logged = true;
                }

                _alone.Clear();
                return late;
            }
        }

        /// <summary>TE answered <paramref name="permit"/>'s request at <paramref name="at"/>; if the permit was added to the log, the log learns it.</summary>
        public async ValueTask CountedAsync(FallbackPermit permit, DateTimeOffset at)
        {
            lock (_alone)
            {
                permit.CountedAt = at;
                if (!permit.Logged)
                {
                    return;
                }
            }

            await owner.CountAsync(permit.Id).ConfigureAwait(false);
        }
    }

    /// <summary>A permit of the fallback limiter: granted at <paramref name="grantedAt"/>, counted when its lease is disposed.</summary>
    internal sealed class FallbackPermit(Fallback fallback, RateLimitLease lease, string id, DateTimeOffset grantedAt, TimeSpan window)
    {
        public string Id => id;

        /// <summary>When TE's answer arrived; set under the fallback's lock.</summary>
        public DateTimeOffset? CountedAt { get; set; }

        /// <summary>Whether the permit, granted alone, was added to the log when it answered again; set under the fallback's lock.</summary>
        public bool Logged { get; set; }

        /// <summary>The permit for the log: freeing one window after its answer, or two after its grant while none came.</summary>
        public SharedPermitEntry Entry => new(id, CountedAt is { } counted ? counted + window : grantedAt + window + window);

        public ValueTask CountAsync(DateTimeOffset at)
        {
            lease.Dispose();
            return fallback.CountedAsync(this, at);
        }
    }
}
