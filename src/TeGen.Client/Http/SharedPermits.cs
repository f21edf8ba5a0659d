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
/// unknown and must age out first. It warns once per outage, counts in <c>tegen.coordination.fallbacks</c> and
/// <c>tegen.coordination.degraded</c>, and tries the log again every <see cref="ISharedRequestLog.ProbeInterval"/>; back
/// on the log it first adds the permits it took alone, so the others count them.
/// </remarks>
internal sealed class SharedPermits(ISharedRequestLog log, string scope, int limit, TimeSpan window, TimeProvider time, ILogger logger)
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly string _process = Guid.NewGuid().ToString("N");
    private readonly object _gate = new();
    private int _processesSeen = 1;
    private Fallback? _fallback;
    private DateTimeOffset _nextProbe;

    /// <summary>Whether the log is unreachable and the process runs on its local share.</summary>
    public bool Degraded => Volatile.Read(ref _fallback) is not null;

    /// <summary>The permits per window of the local fallback, while <see cref="Degraded"/>.</summary>
    public int? FallbackLimit => Volatile.Read(ref _fallback)?.Limiter.PermitLimit;

    /// <summary>
    /// Takes a permit for a request the local limiter granted, waiting as the log requires but not past
    /// <paramref name="deadline"/>: then the lease returned is not acquired, its <see cref="MetadataName.RetryAfter"/> the
    /// expected wait.
    /// </summary>
    public async ValueTask<Lease> AcquireAsync(DateTimeOffset? deadline, bool tokenRequest, CancellationToken cancellationToken)
    {
        if (tokenRequest)
        {
            return await NegotiateAsync(deadline, cancellationToken).ConfigureAwait(false);
        }

        var turnWait = deadline is { } d ? d - time.GetUtcNow() : Timeout.InfiniteTimeSpan;
        if (turnWait != Timeout.InfiniteTimeSpan && (turnWait <= TimeSpan.Zero || !await _turn.WaitAsync(turnWait, cancellationToken).ConfigureAwait(false)))
        {
            return Lease.Refused(window / limit);
        }
        else if (turnWait == Timeout.InfiniteTimeSpan)
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

    private async ValueTask<Lease> NegotiateAsync(DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        while (true)
        {
            var now = time.GetUtcNow();
            var fallback = Volatile.Read(ref _fallback);
            if (fallback is null || now >= _nextProbe)
            {
                var permit = Guid.NewGuid().ToString("N");
                (var attempt, fallback) = await TryLogAsync(fallback, permit, now, cancellationToken).ConfigureAwait(false);
                if (attempt is { Taken: true })
                {
                    return new Lease(this, permit, null);
                }

                if (attempt is { } full)
                {
                    if (deadline is { } d && now + full.Wait > d)
                    {
                        return Lease.Refused(full.Wait);
                    }

                    await Task.Delay(full.Wait, time, cancellationToken).ConfigureAwait(false);
                    continue;
                }
            }

            var local = await fallback!.Limiter.AcquireAsync(1, deadline, cancellationToken).ConfigureAwait(false);
            if (!local.IsAcquired)
            {
                local.TryGetMetadata(MetadataName.RetryAfter, out var wait);
                local.Dispose();
                return Lease.Refused(wait);
            }

            return new Lease(this, null, new FallbackPermit(fallback, local));
        }
    }

    // Asks the log for a permit (first adding the permits taken alone, when coming back); on failure, falls back.
    private async ValueTask<(SharedPermitAttempt? Attempt, Fallback? Fallback)> TryLogAsync(Fallback? fallback, string permit, DateTimeOffset now, CancellationToken cancellationToken)
    {
        SharedPermitAttempt attempt;
        try
        {
            if (fallback is not null)
            {
                await log.AddAsync(scope, fallback.Outstanding(now, window), cancellationToken).ConfigureAwait(false);
            }

            attempt = await log.TryTakeAsync(scope, permit, _process, limit, window, now, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return (null, FallBack(e, now));
        }

        if (fallback is not null)
        {
            Recover();
        }

        _processesSeen = Math.Max(1, attempt.Processes);
        return (attempt, null);
    }

    private Fallback FallBack(Exception error, DateTimeOffset now)
    {
        lock (_gate)
        {
            _nextProbe = now + log.ProbeInterval;
            if (_fallback is { } current)
            {
                return current;
            }

            var share = Math.Min(log.FallbackShare, 1.0 / _processesSeen);
            var limiter = new TeRequestRateLimiter(Math.Max(1, (int)(limit * share)), window, time);
            // The others' permits of the last window are unknown: let them age out before using the share.
            limiter.PauseUntil(now + window);
            _fallback = new Fallback(limiter);
            TeGenTelemetry.CoordinationFallbacks.Add(1);
            TeGenTelemetry.CoordinationDegraded.Add(1);
            logger.LogWarning(
                "The shared rate-limit log of egress {Scope} is unreachable ({Error}); this process runs alone at {Limit} requests per {Window} (share {Share:0.###}) after one window's pause, and tries the log again every {Probe}",
                scope, error.GetType().Name, limiter.PermitLimit, window, share, log.ProbeInterval);
            return _fallback;
        }
    }

    private void Recover()
    {
        lock (_gate)
        {
            if (_fallback is { } fallback)
            {
                _fallback = null;
                fallback.Limiter.Dispose();
                TeGenTelemetry.CoordinationDegraded.Add(-1);
                logger.LogInformation("The shared rate-limit log of egress {Scope} is reachable again; limiting is shared across processes again", scope);
            }
        }
    }

    private TimeProvider Time => time;

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

    /// <summary>A permit from the shared log or, while degraded, from the local fallback; disposing it counts it.</summary>
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

        public TimeSpan RetryAfter { get; }

        public static Lease Refused(TimeSpan retryAfter) => new(retryAfter);

        // TE's answer arrived: the permit is counted now, the latest moment TE can have counted the request.
        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _counted, 1) != 0 || _owner is null)
            {
                return;
            }

            if (_local is not null)
            {
                _local.Count(_owner.Time.GetUtcNow());
            }
            else
            {
                await _owner.CountAsync(_permit!).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The local limiter used while the log is unreachable, and when its permits were counted.</summary>
    internal sealed class Fallback(TeRequestRateLimiter limiter)
    {
        private readonly Queue<DateTimeOffset> _counted = new();

        public TeRequestRateLimiter Limiter { get; } = limiter;

        public void Counted(DateTimeOffset at)
        {
            lock (_counted)
            {
                _counted.Enqueue(at);
            }
        }

        // When each permit counted within the last window frees: the log adds them on recovery.
        public IReadOnlyList<DateTimeOffset> Outstanding(DateTimeOffset now, TimeSpan window)
        {
            lock (_counted)
            {
                while (_counted.Count > 0 && _counted.Peek() + window <= now)
                {
                    _counted.Dequeue();
                }

                return [.. _counted.Select(at => at + window)];
            }
        }
    }

    /// <summary>A permit of the fallback limiter.</summary>
    internal sealed class FallbackPermit(Fallback fallback, RateLimitLease lease)
    {
        public void Count(DateTimeOffset at)
        {
            lease.Dispose();
            fallback.Counted(at);
        }
    }
}
