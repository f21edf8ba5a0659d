using TeGen.Client.Http;
using TeGen.Client.Tests.Support;

namespace TeGen.Client.Tests.Http;

/// <summary>
/// One shared timer times out attempts on the system clock: an attempt past its deadline is cancelled, one that
/// finished in time never is, the caller's cancellation reaches the attempt, and an idle watch keeps no timer.
/// </summary>
public class AttemptWatchTests
{
    [Fact]
    public async Task An_attempt_past_its_deadline_is_cancelled_and_one_finished_in_time_is_not()
    {
        using var watch = new AttemptWatch();
        var finished = watch.Start(TimeSpan.FromMilliseconds(40), CancellationToken.None);
        watch.Finish(finished);
        var late = watch.Start(TimeSpan.FromMilliseconds(40), CancellationToken.None);

        await Eventually.TrueAsync(() => late.IsCancellationRequested);
        await Task.Delay(AttemptWatch.Resolution(TimeSpan.FromMilliseconds(40)) * 3);

        Assert.False(finished.IsCancellationRequested);
        watch.Finish(late); // after it expired: harmless
    }

    [Fact]
    public void The_caller_s_cancellation_cancels_the_attempt()
    {
        using var watch = new AttemptWatch();
        using var caller = new CancellationTokenSource();
        var attempt = watch.Start(TimeSpan.FromMinutes(10), caller.Token);

        caller.Cancel();

        Assert.True(attempt.IsCancellationRequested);
        watch.Finish(attempt);
    }

    [Fact]
    public async Task An_idle_watch_stops_its_timer_and_starts_it_again_when_needed()
    {
        using var watch = new AttemptWatch();
        watch.Finish(watch.Start(TimeSpan.FromMilliseconds(40), CancellationToken.None));
        Assert.True(watch.TimerRunning);

        await Eventually.TrueAsync(() => !watch.TimerRunning);

        var attempt = watch.Start(TimeSpan.FromMilliseconds(40), CancellationToken.None);
        Assert.True(watch.TimerRunning);
        await Eventually.TrueAsync(() => attempt.IsCancellationRequested);
    }
}
