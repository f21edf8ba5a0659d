using System.Threading.RateLimiting;

namespace TeGen.Client.Http;

/// <summary>
/// A strict sliding-log limiter: never more than <c>permitLimit</c> permits in any interval of length
/// <c>window</c>, whatever the alignment of the server's own counting window. TE counts 1000 requests per minute
/// per source IP; with a small safety margin added to the window this runs just under TE's ceiling without a
/// 429. <see cref="PauseUntil"/> holds every caller after a 429. Time comes from a <see cref="TimeProvider"/> so
/// tests move the clock instead of sleeping.
/// </summary>
public sealed class TeRequestRateLimiter : RateLimiter
{
    private readonly object _gate = new();

    // Waiters line up here and are served in arrival order; only the head of the line sleeps on the clock.
    private readonly SemaphoreSlim _turnstile = new(1, 1);
    private readonly Queue<long> _grants = new();
    private readonly int _permitLimit;
    private readonly long _windowTicks;
    private readonly TimeProvider _time;
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

    /// <summary>The window permits are counted over.</summary>
    public TimeSpan Window => TimeSpan.FromTicks(_windowTicks);

    /// <inheritdoc />
    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_gate)
            {
                return _grants.Count == 0 ? TimeSpan.FromTicks(Now - _idleSinceTicks) : null;
            }
        }
    }

    private long Now => _time.GetUtcNow().UtcTicks;

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
                CurrentAvailablePermits = _permitLimit - _grants.Count,
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
            return TryGrant(permitCount, Now, out var wait) ? Lease.Granted : Lease.Refused(wait);
        }
    }

    /// <inheritdoc />
    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Check(permitCount);
        lock (_gate)
        {
            if (_turnstile.CurrentCount > 0 && TryGrant(permitCount, Now, out _))
            {
                return Lease.Granted;
            }
        }

        await _turnstile.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (true)
            {
                TimeSpan wait;
                lock (_gate)
                {
                    if (TryGrant(permitCount, Now, out wait))
                    {
                        return Lease.Granted;
                    }
                }

                await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _turnstile.Release();
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

    private bool TryGrant(int permitCount, long now, out TimeSpan wait)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        Prune(now);
        if (now < _pausedUntilTicks)
        {
            wait = TimeSpan.FromTicks(_pausedUntilTicks - now);
            return false;
        }

        if (_grants.Count + permitCount <= _permitLimit)
        {
            for (var i = 0; i < permitCount; i++)
            {
                _grants.Enqueue(now);
            }

            _granted += permitCount;
            Granted?.Invoke(new DateTimeOffset(now, TimeSpan.Zero));
            wait = TimeSpan.Zero;
            return true;
        }

        // The earliest moment enough old grants have left the window.
        var freeAt = _grants.ElementAt(_grants.Count + permitCount - _permitLimit - 1) + _windowTicks;
        wait = TimeSpan.FromTicks(Math.Max(1, freeAt - now));
        return false;
    }

    private void Prune(long now)
    {
        while (_grants.Count > 0 && _grants.Peek() + _windowTicks <= now)
        {
            _grants.Dequeue();
            if (_grants.Count == 0)
            {
                _idleSinceTicks = now;
            }
        }
    }

    private void Check(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(permitCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, _permitLimit);
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Granted = new(true, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public static Lease Refused(TimeSpan wait) => new(false, wait);

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (retryAfter is not null && metadataName == MetadataName.RetryAfter.Name)
            {
                metadata = retryAfter.Value;
                return true;
            }

            metadata = null;
            return false;
        }
    }
}
