using System.Threading.RateLimiting;
using Microsoft.Extensions.Time.Testing;
using TeGen.Client.Http;

namespace TeGen.Client.Tests.Http;

public class TeRequestRateLimiterTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Grants_the_limit_then_refuses_with_the_wait_until_the_oldest_grant_leaves_the_window()
    {
        using var limiter = new TeRequestRateLimiter(3, TimeSpan.FromSeconds(10), _time);
        for (var i = 0; i < 3; i++)
        {
            using (var lease = limiter.AttemptAcquire())
            {
                Assert.True(lease.IsAcquired);
            }

            _time.Advance(TimeSpan.FromSeconds(1));
        }

        var refused = limiter.AttemptAcquire();
        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var wait));
        Assert.Equal(TimeSpan.FromSeconds(7), wait);

        _time.Advance(TimeSpan.FromSeconds(7));
        Assert.True(limiter.AttemptAcquire().IsAcquired);
    }

    [Fact]
    public void A_permit_is_logged_when_its_lease_is_disposed_not_when_it_was_granted()
    {
        // A request granted at once but answered 5 s later may have been counted by TE 5 s later.
        using var limiter = new TeRequestRateLimiter(1, TimeSpan.FromSeconds(10), _time);
        var lease = limiter.AttemptAcquire();
        _time.Advance(TimeSpan.FromSeconds(5));
        lease.Dispose();

        _time.Advance(TimeSpan.FromSeconds(5));
        var refused = limiter.AttemptAcquire();
        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var wait));
        Assert.Equal(TimeSpan.FromSeconds(5), wait);

        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.True(limiter.AttemptAcquire().IsAcquired);
    }

    [Fact]
    public void A_lease_never_disposed_holds_its_permit_for_two_windows()
    {
        using var limiter = new TeRequestRateLimiter(1, TimeSpan.FromSeconds(10), _time);
        Assert.True(limiter.AttemptAcquire().IsAcquired);

        _time.Advance(TimeSpan.FromSeconds(19));
        Assert.False(limiter.AttemptAcquire().IsAcquired);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(limiter.AttemptAcquire().IsAcquired);
    }

    [Fact]
    public async Task A_waiter_wakes_when_a_lease_finishes_early_instead_of_sleeping_until_it_lapses()
    {
        using var limiter = new TeRequestRateLimiter(1, TimeSpan.FromSeconds(10), _time);
        var inFlight = limiter.AttemptAcquire();
        var waiting = limiter.AcquireAsync().AsTask();

        _time.Advance(TimeSpan.FromSeconds(3));
        inFlight.Dispose();
        await Task.Delay(50);
        _time.Advance(TimeSpan.FromSeconds(9));
        await Task.Delay(50);
        Assert.False(waiting.IsCompleted);

        _time.Advance(TimeSpan.FromSeconds(1));
        using var lease = await waiting.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(lease.IsAcquired);
    }

    [Fact]
    public async Task Waiting_callers_go_when_the_clock_moves_and_no_window_ever_holds_more_than_the_limit()
    {
        using var limiter = new TeRequestRateLimiter(5, TimeSpan.FromSeconds(6), _time);

        // Grant times come from the limiter itself: a caller reading the clock after its await could see a later
        // tick than the one it was granted at.
        var granted = new List<DateTimeOffset>();
        limiter.Granted = at => granted.Add(at);
        var callers = Enumerable.Range(0, 23).Select(async _ =>
        {
            using var lease = await limiter.AcquireAsync();
            Assert.True(lease.IsAcquired);
        }).ToList();

        while (callers.Any(c => !c.IsCompleted))
        {
            _time.Advance(TimeSpan.FromMilliseconds(250));
            // Lets woken callers take their grant before the clock moves on, so the ceiling check below is tight.
            await Task.Delay(10);
        }

        await Task.WhenAll(callers);
        Assert.Equal(23, granted.Count);
        foreach (var start in granted)
        {
            Assert.True(granted.Count(t => t >= start && t < start + TimeSpan.FromSeconds(6)) <= 5, $"more than 5 grants in the 6 s after {start:T}");
        }

        // Near the ceiling: 23 grants at 5 per 6 s need 24 s; the slack covers a woken caller that is slow to run
        // while the clock keeps moving.
        Assert.True(granted.Max() - granted.Min() <= TimeSpan.FromSeconds(27));
    }

    [Fact]
    public async Task A_pause_holds_every_caller_until_it_ends()
    {
        using var limiter = new TeRequestRateLimiter(100, TimeSpan.FromMinutes(1), _time);
        limiter.PauseUntil(_time.GetUtcNow().AddSeconds(30));

        Assert.False(limiter.AttemptAcquire().IsAcquired);
        var waiting = limiter.AcquireAsync().AsTask();
        _time.Advance(TimeSpan.FromSeconds(29));
        await Task.Yield();
        Assert.False(waiting.IsCompleted);

        _time.Advance(TimeSpan.FromSeconds(1));
        using var lease = await waiting.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(lease.IsAcquired);
    }

    [Fact]
    public async Task Waiting_is_cancellable()
    {
        using var limiter = new TeRequestRateLimiter(1, TimeSpan.FromMinutes(1), _time);
        Assert.True(limiter.AttemptAcquire().IsAcquired);
        using var cancel = new CancellationTokenSource();
        var waiting = limiter.AcquireAsync(1, cancel.Token).AsTask();
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }
}
