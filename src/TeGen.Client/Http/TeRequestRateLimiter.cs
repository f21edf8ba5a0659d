using System.Threading.RateLimiting;

namespace TeGen.Client.Http;

/// <summary>
/// A strict sliding-log limiter: never more than <c>permitLimit</c> requests counted by TE in any interval of length
/// <c>window</c>, whatever the alignment of the server's own counting window. TE counts 1000 requests per minute
/// per source IP; with a small safety margin added to the window this runs just under TE's ceiling without a
/// 429. <see cref="PauseUntil"/> holds every caller after a 429. Time comes from a <see cref="TimeProvider"/> so
/// tests move the clock instead of sleeping.
/// </summary>
/// <remarks>
/// A permit is logged at the moment its lease is disposed — for TeGen's handler, when TE's answer arrived, the
/// latest moment TE can have counted the request — not when it was granted. A request granted at once but slow to
/// reach TE (a cold start, a TLS handshake, a busy machine) would otherwise be counted by TE in a later window than
/// the limiter assumed, where the next full burst joins it: one request too many. Until its lease is disposed a
/// permit stays in the log; a lease that is never disposed holds its permit for two windows.
/// <para>
/// Callers that find no permit free queue, and are served by class, then by fair share among tenants rather than in
/// arrival order: many TE customer organizations may share one egress, and one organization's bulk sync must not hold
/// every other organization's calls behind its backlog. Token requests go first (calls of every tenant wait for them),
/// then <see cref="TeRequestPriority.Normal"/> traffic, then <see cref="TeRequestPriority.Bulk"/>; within a class,
/// tenants share the permits in proportion to their weights (<see cref="SetWeight"/>), each tenant's own requests in
/// arrival order.
/// </para>
/// <para>
/// Queued callers are also paced: one permit per <c>window / permitLimit</c> at most. Without it, permits come free in the
/// bursts they were granted in (a sliding log frees a full burst one window after it), and a backlogged tenant takes a
/// whole burst before a caller that was not queued at that instant — an interactive call made one at a time — gets a
/// permit: it would wait a window per call. Paced, it waits a slot or two. Pacing only spreads the queued grants; the
/// rate stays the limit, and a caller that finds a permit free and nobody queued is granted at once.
/// </para>
/// </remarks>
public sealed class TeRequestRateLimiter : RateLimiter
{
    // ITimer.Change refuses due times past about 49 days; a longer wait (a far deadline) is armed in steps.
    private static readonly long MaxTimerTicks = TimeSpan.FromDays(1).Ticks;

    private readonly object _gate = new();

    // Callers waiting for permits, in the order they are to be served (by class, then fair share among tenants).
    private readonly FairQueue _waiting = new();

    // Deadlines of queued waiters, earliest first; waiters already gone are skipped when they surface.
    private readonly PriorityQueue<Waiter, long> _deadlines = new();

    // When each finished permit was counted (lease disposal), oldest first; times only grow, so this stays ordered.
    private readonly Queue<long> _counted = new();

    // Permits not yet disposed, in grant order; finished or lapsed ones are dropped from the head lazily.
    private readonly Queue<Lease> _inFlight = new();
    private readonly int _permitLimit;
    private readonly long _windowTicks;
    private readonly TimeProvider _time;

    // One timer for every waiter: it fires at the next moment that can change anything (a permit freeing for the
    // waiter served next, or the earliest deadline) and grants to as many waiters as capacity then allows.
    private readonly ITimer _pump;
    private long _pumpAt = long.MaxValue;
    private int _inFlightPermits;
    private long _pausedUntilTicks;
    private long _idleSinceTicks;
    private long _granted;

    // Queued callers are granted no sooner than this, one slot (window / limit) after the previous queued grant.
    private long _pacedUntilTicks;
    private readonly long _slotTicks;
    private bool _disposed;

    /// <summary>Creates a limiter.</summary>
    /// <param name="permitLimit">Permits allowed per window.</param>
    /// <param name="window">The window, including any safety margin.</param>
    /// <param name="time">The clock.</param>
    public TeRequestRateLimiter(int permitLimit, TimeSpan window, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(permitLimit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        _permitLimit = permitLimit;
        _windowTicks = window.Ticks;
        _slotTicks = Math.Max(1, window.Ticks / permitLimit);
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _idleSinceTicks = Now;

        // The limiter outlives the caller that happens to create it: its timer must not keep that caller's
        // execution context (async locals, activities) alive.
        if (ExecutionContext.IsFlowSuppressed())
        {
            _pump = CreatePump();
        }
        else
        {
            using (ExecutionContext.SuppressFlow())
            {
                _pump = CreatePump();
            }
        }
    }

    /// <summary>Observes every grant with its clock time, under the limiter's lock (tests record exact grant times).</summary>
    internal Action<DateTimeOffset>? Granted { get; set; }

    /// <summary>Permits allowed per window.</summary>
    public int PermitLimit => _permitLimit;

    /// <summary>
    /// The egress's permits shared with other processes (<see cref="ISharedRequestLog"/>), taken after this limiter's
    /// own; <c>null</c> when the limiter is this process's alone.
    /// </summary>
    internal SharedPermits? Shared { get; init; }

    /// <summary>Whether the shared log of the egress is unreachable and this process runs on its local share of the limit.</summary>
    public bool IsDegraded => Shared?.Degraded ?? false;

    /// <summary>The clock the limiter runs on.</summary>
    internal TimeProvider Time => _time;

    /// <summary>The window permits are counted over.</summary>
    public TimeSpan Window => TimeSpan.FromTicks(_windowTicks);

    /// <inheritdoc />
    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_gate)
            {
                Prune(Now);
                return InLog == 0 ? TimeSpan.FromTicks(Now - _idleSinceTicks) : null;
            }
        }
    }

    private long Now => _time.GetUtcNow().UtcTicks;

    // Permits TE may still count in the current window.
    private int InLog => _counted.Count + _inFlightPermits;

    /// <summary>Holds every caller until <paramref name="until"/> (TE's <c>Retry-After</c> after a 429).</summary>
    /// <param name="until">When requests may go again.</param>
    public void PauseUntil(DateTimeOffset until)
    {
        lock (_gate)
        {
            _pausedUntilTicks = Math.Max(_pausedUntilTicks, until.UtcTicks);
            if (_waiting.Count > 0 && !_disposed)
            {
                // The waiter served next may no longer make its deadline: refused now, not when the timer fires.
                Pump(Now);
            }
        }
    }

    /// <summary>
    /// Sets a tenant's share of the permits while several tenants of one <see cref="TeRequestPriority"/> have callers
    /// queued: a tenant of weight 3 is served three permits for every one of a tenant of weight 1. Tenants not set
    /// weigh 1. Takes effect for the tenant's next queued request; the ones it has queued keep their place.
    /// </summary>
    /// <param name="tenant">The tenant (a TE customer organization, say); null or empty is the default tenant.</param>
    /// <param name="weight">Its weight, greater than zero.</param>
    public void SetWeight(string? tenant, double weight)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(weight);
        if (!double.IsFinite(weight))
        {
            throw new ArgumentOutOfRangeException(nameof(weight), weight, "The weight must be a finite number.");
        }

        lock (_gate)
        {
            _waiting.SetWeight(tenant ?? string.Empty, weight);
        }
    }

    /// <inheritdoc />
    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_gate)
        {
            Prune(Now);
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = _permitLimit - InLog,
                CurrentQueuedCount = _waiting.Permits,
                TotalSuccessfulLeases = _granted,
            };
        }
    }

    /// <inheritdoc />
    /// <remarks>Refused while callers are queued: it does not take a permit from under them.</remarks>
    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        Check(permitCount);
        lock (_gate)
        {
            var now = Now;
            if (_waiting.Count == 0 && TryGrant(permitCount, now, out _) is { } lease)
            {
                return lease;
            }

            ObjectDisposedException.ThrowIf(_disposed, this);
            return Refusal(default, permitCount, now);
        }
    }

    /// <inheritdoc />
    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        AcquireAsync(permitCount, deadline: null, default, cancellationToken);

    /// <summary>Waits for permits as the default tenant's <see cref="TeRequestPriority.Normal"/> traffic.</summary>
    /// <inheritdoc cref="AcquireAsync(int, DateTimeOffset?, TeTraffic, CancellationToken)" />
    internal ValueTask<RateLimitLease> AcquireAsync(int permitCount, DateTimeOffset? deadline, CancellationToken cancellationToken) =>
        AcquireAsync(permitCount, deadline, default, cancellationToken);

    /// <summary>
    /// Waits for permits in <paramref name="traffic"/>'s place in the fair queue, but not past
    /// <paramref name="deadline"/>: when the expected wait would end after it, returns at once (or when the deadline
    /// passes while queued) a lease that is not acquired, with the expected wait as its
    /// <see cref="MetadataName.RetryAfter"/>.
    /// </summary>
    internal ValueTask<RateLimitLease> AcquireAsync(int permitCount, DateTimeOffset? deadline, TeTraffic traffic, CancellationToken cancellationToken)
    {
        Check(permitCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)traffic.Priority, (uint)TeRequestPriority.Bulk, nameof(traffic));
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<RateLimitLease>(cancellationToken);
        }

        var deadlineTicks = deadline?.UtcTicks ?? long.MaxValue;
        lock (_gate)
        {
            // Nobody queued and a permit free: the common case costs one lease, as it did before there was a queue.
            var now = Now;
            if (_waiting.Count == 0 && TryGrant(permitCount, now, out _) is { } lease)
            {
                return new(lease);
            }

            ObjectDisposedException.ThrowIf(_disposed, this);
            if (deadlineTicks != long.MaxValue && ExpectedGrant(traffic, permitCount, now) > deadlineTicks)
            {
                return new(Refusal(traffic, permitCount, now));
            }

            var waiter = new Waiter(this, permitCount, traffic, deadlineTicks);
            _waiting.Enqueue(waiter);
            if (deadlineTicks != long.MaxValue)
            {
                _deadlines.Enqueue(waiter, deadlineTicks);
            }

            if (cancellationToken.CanBeCanceled)
            {
                // Runs at once, under this same (reentrant) lock, if the token was cancelled since the check above.
                waiter.Cancellation = cancellationToken.UnsafeRegister(
                    static (state, token) => ((Waiter)state!).Limiter.Cancel((Waiter)state!, token), waiter);
            }

            Pump(now);
            return new(waiter.Completion.Task);
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        lock (_gate)
        {
            _disposed = true;
            while (_waiting.Peek() is Waiter waiter)
            {
                _waiting.Remove(waiter, served: false);
                waiter.Cancellation.Unregister();
                waiter.Completion.TrySetException(new ObjectDisposedException(nameof(TeRequestRateLimiter)));
            }
        }

        if (disposing)
        {
            _pump.Dispose();
        }

        base.Dispose(disposing);
    }

    private ITimer CreatePump() =>
        _time.CreateTimer(static state => ((TeRequestRateLimiter)state!).OnPump(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

    private void OnPump()
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                _pumpAt = long.MaxValue;
                Pump(Now);
            }
        }
    }

    // Under the lock: grants to queued waiters in fair order while capacity lasts, refuses those that cannot be served
    // by their deadline, and arms the timer for the next moment anything can change.
    private void Pump(long now)
    {
        long nextAt;
        bool expired;
        do
        {
            nextAt = long.MaxValue;
            while (_waiting.Peek() is Waiter next)
            {
                if (now < _pacedUntilTicks)
                {
                    if (_pacedUntilTicks > next.DeadlineTicks)
                    {
                        _waiting.Remove(next, served: false);
                        next.Finish(Lease.Refused(TimeSpan.FromTicks(_pacedUntilTicks - now)));
                        continue;
                    }

                    nextAt = _pacedUntilTicks;
                    break;
                }

                if (TryGrant(next.Permits, now, out var wait) is { } lease)
                {
                    _waiting.Remove(next, served: true);
                    // From the slot this grant was due in, not from now: a pump that runs late (a coarse timer, a busy
                    // machine) does not push every later grant back with it.
                    _pacedUntilTicks = Math.Max(_pacedUntilTicks, now - _slotTicks) + (_slotTicks * next.Permits);
                    next.Finish(lease);
                }
                else if (now + wait.Ticks > next.DeadlineTicks)
                {
                    _waiting.Remove(next, served: false);
                    next.Finish(Lease.Refused(wait));
                }
                else
                {
                    nextAt = now + wait.Ticks;
                    break;
                }
            }

            // Checked after granting: a waiter whose permit frees at its deadline is served, not refused.
            expired = false;
            while (_deadlines.TryPeek(out var waiter, out var deadline) && (!waiter.IsQueued || deadline <= now))
            {
                _deadlines.Dequeue();
                if (waiter.IsQueued)
                {
                    _waiting.Remove(waiter, served: false);
                    waiter.Finish(Refusal(waiter.Traffic, waiter.Permits, now));
                    expired = true;
                }
            }
        }
        while (expired);

        if (_deadlines.TryPeek(out _, out var earliest))
        {
            nextAt = Math.Min(nextAt, earliest);
        }

        if (nextAt != _pumpAt)
        {
            _pumpAt = nextAt;
            _pump.Change(
                nextAt == long.MaxValue ? Timeout.InfiniteTimeSpan : TimeSpan.FromTicks(Math.Clamp(nextAt - now, 1, MaxTimerTicks)),
                Timeout.InfiniteTimeSpan);
        }
    }

    private void Cancel(Waiter waiter, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!waiter.IsQueued)
            {
                return;
            }

            _waiting.Remove(waiter, served: false);
            waiter.Completion.TrySetCanceled(cancellationToken);

            // The waiter may have been the one holding up those behind it (it asked for more permits than are free).
            Pump(Now);
        }
    }

    // A lease that is not acquired, with the expected wait of a caller of this traffic arriving now.
    private Lease Refusal(TeTraffic traffic, int permitCount, long now) =>
        Lease.Refused(TimeSpan.FromTicks(Math.Max(1, ExpectedGrant(traffic, permitCount, now) - now)));

    // When a caller arriving now would be granted if nobody else arrived and every lease were answered at once: the
    // permits queued ahead of it are granted as the log frees, and a permit granted from now on frees its slot again
    // one window later, so the n-th grant from now comes one window after the (n - limit)-th.
    private long ExpectedGrant(TeTraffic traffic, int permitCount, long now)
    {
        Prune(now);
        var ahead = _waiting.PermitsAhead(traffic, permitCount);
        var grant = ahead + permitCount;
        var free = _permitLimit - InLog;
        var windows = grant > _permitLimit ? (grant - 1) / _permitLimit : 0;
        grant -= windows * _permitLimit;
        var at = (grant <= free ? now : FreeAt((int)(grant - free))) + (windows * _windowTicks);
        var paced = Math.Max(now, _pacedUntilTicks) + (ahead * _slotTicks);
        return Math.Max(Math.Max(at, paced), _pausedUntilTicks);
    }

    private Lease? TryGrant(int permitCount, long now, out TimeSpan wait)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        Prune(now);
        if (now < _pausedUntilTicks)
        {
            wait = TimeSpan.FromTicks(_pausedUntilTicks - now);
            return null;
        }

        if (InLog + permitCount <= _permitLimit)
        {
            var lease = new Lease(this, permitCount, now);
            _inFlight.Enqueue(lease);
            _inFlightPermits += permitCount;
            _granted += permitCount;
            Granted?.Invoke(new DateTimeOffset(now, TimeSpan.Zero));
            wait = TimeSpan.Zero;
            return lease;
        }

        wait = TimeSpan.FromTicks(Math.Max(1, FreeAt(InLog + permitCount - _permitLimit) - now));
        return null;
    }

    // The moment the given number of permits will have left the log, if no lease is disposed meanwhile: counted
    // permits leave one window after they were counted, undisposed ones two windows after they were granted.
    private long FreeAt(int permits)
    {
        var counted = _counted.GetEnumerator();
        var inFlight = _inFlight.GetEnumerator();
        bool haveCounted = counted.MoveNext(), haveInFlight = NextOpen(ref inFlight);
        long at = 0;
        for (var left = permits; left > 0;)
        {
            var countedAt = haveCounted ? counted.Current + _windowTicks : long.MaxValue;
            var lapsesAt = haveInFlight ? inFlight.Current.GrantedAt + (2 * _windowTicks) : long.MaxValue;
            if (countedAt <= lapsesAt)
            {
                at = countedAt;
                left--;
                haveCounted = counted.MoveNext();
            }
            else
            {
                at = lapsesAt;
                left -= inFlight.Current.Permits;
                haveInFlight = NextOpen(ref inFlight);
            }
        }

        return at;
    }

    private static bool NextOpen(ref Queue<Lease>.Enumerator leases)
    {
        while (leases.MoveNext())
        {
            if (leases.Current.Open)
            {
                return true;
            }
        }

        return false;
    }

    private void Prune(long now)
    {
        var had = InLog;
        while (_counted.Count > 0 && _counted.Peek() + _windowTicks <= now)
        {
            _counted.Dequeue();
        }

        while (_inFlight.Count > 0 && (!_inFlight.Peek().Open || _inFlight.Peek().GrantedAt + (2 * _windowTicks) <= now))
        {
            var lapsed = _inFlight.Dequeue();
            if (lapsed.Open)
            {
                lapsed.Open = false;
                _inFlightPermits -= lapsed.Permits;
            }
        }

        if (had > 0 && InLog == 0)
        {
            _idleSinceTicks = now;
        }
    }

    // A lease disposed: its permits are logged now, when TE has certainly counted the request.
    private void Count(Lease lease)
    {
        lock (_gate)
        {
            if (!lease.Open || _disposed)
            {
                return;
            }

            lease.Open = false;
            _inFlightPermits -= lease.Permits;
            var now = Now;
            for (var i = 0; i < lease.Permits; i++)
            {
                _counted.Enqueue(now);
            }

            if (_waiting.Count > 0)
            {
                // The permit now frees one window from now instead of lapsing two windows after its grant: the timer
                // is re-armed for the earlier moment.
                Pump(now);
            }
        }
    }

    private void Check(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(permitCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, _permitLimit);
    }

    private sealed class Waiter(TeRequestRateLimiter limiter, int permits, TeTraffic traffic, long deadlineTicks)
        : FairQueue.Entry(permits, traffic)
    {
        public TeRequestRateLimiter Limiter { get; } = limiter;

        public long DeadlineTicks { get; } = deadlineTicks;

        public TaskCompletionSource<RateLimitLease> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public CancellationTokenRegistration Cancellation { get; set; }

        // Under the limiter's lock; Unregister does not wait for a cancellation callback blocked on that lock.
        public void Finish(RateLimitLease lease)
        {
            Cancellation.Unregister();
            Completion.TrySetResult(lease);
        }
    }

    private sealed class Lease : RateLimitLease
    {
        private static readonly string[] RetryAfterName = [MetadataName.RetryAfter.Name];
        private readonly TeRequestRateLimiter? _limiter;
        private readonly TimeSpan? _retryAfter;

        public Lease(TeRequestRateLimiter limiter, int permits, long grantedAt)
        {
            _limiter = limiter;
            Permits = permits;
            GrantedAt = grantedAt;
            Open = true;
        }

        private Lease(TimeSpan retryAfter) => _retryAfter = retryAfter;

        public int Permits { get; }

        public long GrantedAt { get; }

        // Still in flight: granted, not yet disposed, not lapsed. Guarded by the limiter's lock.
        public bool Open { get; set; }

        public override bool IsAcquired => _limiter is not null;

        public override IEnumerable<string> MetadataNames => _retryAfter is null ? [] : RetryAfterName;

        public static Lease Refused(TimeSpan wait) => new(wait);

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (_retryAfter is not null && metadataName == MetadataName.RetryAfter.Name)
            {
                metadata = _retryAfter.Value;
                return true;
            }

            metadata = null;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            _limiter?.Count(this);
            base.Dispose(disposing);
        }
    }
}
