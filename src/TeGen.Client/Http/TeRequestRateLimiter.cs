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
/// </remarks>
public sealed class TeRequestRateLimiter : RateLimiter
{
    private readonly object _gate = new();

    // Waiters line up here and are served in arrival order; only the head of the line sleeps on the clock.
    private readonly SemaphoreSlim _turnstile = new(1, 1);

    // When each finished permit was counted (lease disposal), oldest first; times only grow, so this stays ordered.
    private readonly Queue<long> _counted = new();

    // Permits not yet disposed, in grant order; finished or lapsed ones are dropped from the head lazily.
    private readonly Queue<Lease> _inFlight = new();
    private readonly int _permitLimit;
    private readonly long _windowTicks;
    private readonly TimeProvider _time;
    private int _inFlightPermits;
    private TaskCompletionSource? _released;
    private long _pausedUntilTicks;
    private long _idleSinceTicks;
    private long _granted;
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
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _idleSinceTicks = Now;
    }

    /// <summary>Observes every grant with its clock time, under the limiter's lock (tests record exact grant times).</summary>
    internal Action<DateTimeOffset>? Granted { get; set; }

    /// <summary>Permits allowed per window.</summary>
    public int PermitLimit => _permitLimit;

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
                TotalSuccessfulLeases = _granted,
            };
        }
    }

    /// <inheritdoc />
    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        Check(permitCount);
        lock (_gate)
        {
            return TryGrant(permitCount, Now, out var wait) ?? Lease.Refused(wait);
        }
    }

    /// <inheritdoc />
    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        AcquireAsync(permitCount, deadline: null, cancellationToken);

    /// <summary>
    /// Waits for permits, but not past <paramref name="deadline"/>: when the wait would end after it, returns at once
    /// (or when the deadline passes while queued) a lease that is not acquired, with the expected wait as its
    /// <see cref="MetadataName.RetryAfter"/>.
    /// </summary>
    internal async ValueTask<RateLimitLease> AcquireAsync(int permitCount, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        Check(permitCount);
        var deadlineTicks = deadline?.UtcTicks ?? long.MaxValue;
        lock (_gate)
        {
            if (_turnstile.CurrentCount > 0 && TryGrant(permitCount, Now, out _) is { } lease)
            {
                return lease;
            }
        }

        if (!await EnterTurnstileAsync(deadlineTicks, cancellationToken).ConfigureAwait(false))
        {
            lock (_gate)
            {
                return TryGrant(permitCount, Now, out var wait) ?? Lease.Refused(wait);
            }
        }

        try
        {
            while (true)
            {
                TimeSpan wait;
                Task released;
                lock (_gate)
                {
                    var now = Now;
                    if (TryGrant(permitCount, now, out wait) is { } lease)
                    {
                        return lease;
                    }

                    if (now + wait.Ticks > deadlineTicks)
                    {
                        return Lease.Refused(wait);
                    }

                    // A permit finishing early frees its slot sooner than the clock says: wake up for it too.
                    released = (_released ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
                }

                using var sleep = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                await Task.WhenAny(Task.Delay(wait, _time, sleep.Token), released).ConfigureAwait(false);
                await sleep.CancelAsync().ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
        finally
        {
            _turnstile.Release();
        }
    }

    // Joins the line of waiters; false when the deadline passed first.
    private async ValueTask<bool> EnterTurnstileAsync(long deadlineTicks, CancellationToken cancellationToken)
    {
        if (deadlineTicks == long.MaxValue)
        {
            await _turnstile.WaitAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }

        var left = deadlineTicks - Now;
        if (left <= 0)
        {
            return _turnstile.Wait(0, CancellationToken.None);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromTicks(left), _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await _turnstile.WaitAsync(linked.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        _disposed = true;
        if (disposing)
        {
            _turnstile.Dispose();
        }

        base.Dispose(disposing);
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
        var inFlight = _inFlight.Where(l => l.Open).GetEnumerator();
        bool haveCounted = counted.MoveNext(), haveInFlight = inFlight.MoveNext();
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
                haveInFlight = inFlight.MoveNext();
            }
        }

        return at;
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
        TaskCompletionSource? released;
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

            released = _released;
            _released = null;
        }

        released?.TrySetResult();
    }

    private void Check(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(permitCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, _permitLimit);
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
