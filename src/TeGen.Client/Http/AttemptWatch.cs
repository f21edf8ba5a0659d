namespace TeGen.Client.Http;

/// <summary>
/// Times out the attempts of one <see cref="AttemptTimeoutHandler"/> on the system clock with one shared periodic timer
/// instead of a timer per attempt: arming and disarming a timer (<c>CancelAfter</c>, then a reset) cost more than the
/// rest of an in-memory call's pipeline together. Each attempt is a <see cref="CancellationTokenSource"/> without a timer,
/// in a list the timer walks every <see cref="Resolution"/> of the shortest timeout in flight, cancelling those past
/// their deadline: an attempt times out within an eighth of its timeout (at most half a second) after it. The timer stops
/// after a few idle rounds, so an idle client keeps none running.
/// </summary>
internal sealed class AttemptWatch : IDisposable
{
    // Rounds with nothing in flight before the timer stops.
    private const int IdleRounds = 4;

    private readonly object _gate = new();
    private Attempt? _head;
    private ITimer? _timer;
    private long _periodMs = long.MaxValue;
    private int _idle;
    private bool _disposed;

    /// <summary>Whether the shared timer is running (it stops after a few rounds with nothing in flight).</summary>
    internal bool TimerRunning
    {
        get
        {
            lock (_gate)
            {
                return _timer is not null;
            }
        }
    }

    /// <summary>How often the timer checks deadlines for an attempt of <paramref name="timeout"/>: an eighth of it, 5–500 ms.</summary>
    public static TimeSpan Resolution(TimeSpan timeout) =>
        TimeSpan.FromMilliseconds(Math.Clamp(timeout.TotalMilliseconds / 8, 5, 500));

    /// <summary>Starts watching an attempt of <paramref name="timeout"/>; the caller's cancellation cancels it too.</summary>
    public Attempt Start(TimeSpan timeout, CancellationToken caller)
    {
        var attempt = new Attempt(Environment.TickCount64 + (long)Math.Ceiling(timeout.TotalMilliseconds));
        if (caller.CanBeCanceled)
        {
            attempt.Link = caller.UnsafeRegister(static state => ((Attempt)state!).Cancel(), attempt);
        }

        var periodMs = (long)Resolution(timeout).TotalMilliseconds;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            attempt.Next = _head;
            if (_head is not null)
            {
                _head.Previous = attempt;
            }

            _head = attempt;
            _idle = 0;
            if (_timer is null || periodMs < _periodMs)
            {
                Arm(periodMs);
            }
        }

        return attempt;
    }

    /// <summary>Stops watching <paramref name="attempt"/>: its answer is in, or it failed.</summary>
    public void Finish(Attempt attempt)
    {
        attempt.Link.Dispose();
        lock (_gate)
        {
            Unlink(attempt);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _timer?.Dispose();
            _timer = null;
        }
    }

    // Under the lock.
    private void Arm(long periodMs)
    {
        _periodMs = periodMs;
        var period = TimeSpan.FromMilliseconds(periodMs);
        if (_timer is not null)
        {
            _timer.Change(period, period);
            return;
        }

        // The timer outlives the call that happens to start it: it must not keep that call's execution context alive.
        using (ExecutionContext.SuppressFlow())
        {
            _timer = TimeProvider.System.CreateTimer(static state => ((AttemptWatch)state!).Check(), this, period, period);
        }
    }

    private void Check()
    {
        List<Attempt>? expired = null;
        lock (_gate)
        {
            if (_head is null)
            {
                if (++_idle >= IdleRounds && _timer is not null)
                {
                    _timer.Dispose();
                    _timer = null;
                    _periodMs = long.MaxValue;
                }

                return;
            }

            var now = Environment.TickCount64;
            for (var attempt = _head; attempt is not null;)
            {
                var next = attempt.Next;
                if (attempt.DeadlineMs <= now)
                {
                    Unlink(attempt);
                    (expired ??= []).Add(attempt);
                }

                attempt = next;
            }
        }

        // Outside the lock: cancelling runs the attempt's callbacks. A source is never reused, so cancelling one whose
        // attempt finished in the meantime disturbs nobody.
        expired?.ForEach(static attempt => attempt.Cancel());
    }

    // Under the lock; an attempt already unlinked (expired, then finished) is left alone.
    private void Unlink(Attempt attempt)
    {
        if (attempt.Previous is null && _head != attempt)
        {
            return;
        }

        if (attempt.Previous is null)
        {
            _head = attempt.Next;
        }
        else
        {
            attempt.Previous.Next = attempt.Next;
        }

        if (attempt.Next is not null)
        {
            attempt.Next.Previous = attempt.Previous;
        }

        attempt.Previous = attempt.Next = null;
    }

    /// <summary>One attempt in flight: its cancellation, its deadline, its place in the list.</summary>
    internal sealed class Attempt(long deadlineMs) : CancellationTokenSource
    {
        public long DeadlineMs { get; } = deadlineMs;

        public Attempt? Previous { get; set; }

        public Attempt? Next { get; set; }

        public CancellationTokenRegistration Link { get; set; }
    }
}
