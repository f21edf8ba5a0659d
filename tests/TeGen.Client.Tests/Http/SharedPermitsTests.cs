using Microsoft.Extensions.Time.Testing;
using TeGen.Client.Http;
using TeGen.Client.Tests.Support;

namespace TeGen.Client.Tests.Http;

/// <summary>
/// An egress limiter whose permits are shared with other processes through a log (Redis in production): each permit is
/// taken from the log too; when the log is unreachable the process runs on a conservative share after one window's
/// pause, warns once, and returns to the log one window after it answers again, having added the permits it granted alone,
/// keeping room for the processes it saw before the outage that are not back yet.
/// </summary>
public class SharedPermitsTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Permits_are_taken_from_the_shared_log_and_wait_while_it_is_full()
    {
        var log = new FakeSharedLog();
        var (permits, time, _) = Shared(log, limit: 3);

        var taken = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => permits.AcquireAsync(null, false, default).AsTask()));
        var fourth = permits.AcquireAsync(null, false, default).AsTask();

        Assert.Equal(3, log.Held);
        Assert.False(fourth.IsCompleted);
        await taken[0].DisposeAsync();   // counted now: frees one window from now instead of two
        time.Advance(Window);
        Assert.True((await fourth.WaitAsync(Patience)).IsAcquired);
    }

    [Fact]
    public async Task An_unreachable_log_leaves_the_smaller_of_the_share_and_one_per_process_seen_after_a_windows_pause_and_warns_once()
    {
        var log = new FakeSharedLog(fallbackShare: 0.25, processes: 8);
        var (permits, time, logs) = Shared(log, limit: 80);
        await (await permits.AcquireAsync(null, false, default)).DisposeAsync();

        log.Down = true;
        var first = permits.AcquireAsync(null, false, default).AsTask();
        await WaitUntil(() => permits.Degraded);

        Assert.Equal(10, permits.FallbackLimit);   // 80 × min(0.25, 1/8)
        Assert.False(first.IsCompleted);            // the others' permits of the last window age out first
        time.Advance(Window);
        Assert.True((await first.WaitAsync(Patience)).IsAcquired);
        var rest = Enumerable.Range(0, 10).Select(_ => permits.AcquireAsync(null, false, default).AsTask()).ToList();
        await Task.WhenAll(rest.Take(9)).WaitAsync(Patience);
        Assert.False(rest[9].IsCompleted);
        Assert.Single(logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("unreachable", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Back_on_the_log_a_process_adds_what_it_granted_alone_takes_each_new_permit_there_too_and_returns_one_window_later()
    {
        var log = new FakeSharedLog();
        var (permits, time, _) = Shared(log, limit: 40);
        await (await TakeAloneAsync(permits, log, time)).DisposeAsync();
        var answered = time.GetUtcNow();
        ComeBack(log, time);
        var recovering = await permits.AcquireAsync(null, false, default);
        Assert.Equal(answered + Window, Assert.Single(log.Added).FreesAt);   // granted alone: frees a window after its answer
        Assert.Equal(2, log.Held);                                            // granted while returning: taken from the log before its request goes
        var taken = log.LastTaken!;
        Assert.True(permits.Degraded);                                        // one more window on the share: the others come back meanwhile
        await recovering.DisposeAsync();
        Assert.Equal(time.GetUtcNow() + Window, log.FreesAt(taken));         // answered: frees a window after the answer

        time.Advance(Window);
        await (await permits.AcquireAsync(null, false, default)).DisposeAsync();
        Assert.False(permits.Degraded);
        Assert.Equal(1, log.Held);
    }

    [Fact]
    public async Task While_returning_a_process_waits_for_the_log_when_processes_already_back_filled_it_though_its_share_has_room()
    {
        var log = new FakeSharedLog();
        var (permits, time, _) = Shared(log, limit: 40);
        await (await TakeAloneAsync(permits, log, time)).DisposeAsync();
        ComeBack(log, time);
        await (await permits.AcquireAsync(null, false, default)).DisposeAsync();   // the log answers: returning

        var now = time.GetUtcNow();
        for (var i = 0; log.Held < 40; i++)
        {
            await log.TryTakeAsync("other", $"other-{i}", "other", 40, Window, now, default);   // a process already back fills the log
        }

        var waiting = permits.AcquireAsync(null, false, default).AsTask();
        await Task.Delay(50);
        Assert.False(waiting.IsCompleted);
        Assert.True(permits.Degraded);
        time.Advance(Window + Window);   // the others' permits, never answered, lapse
        Assert.True((await waiting.WaitAsync(Patience)).IsAcquired);
    }

    [Fact]
    public async Task A_permit_granted_alone_and_unanswered_when_the_log_returns_is_added_freeing_two_windows_after_its_grant_until_its_answer()
    {
        var log = new FakeSharedLog();
        var (permits, time, _) = Shared(log, limit: 40);
        var unanswered = await TakeAloneAsync(permits, log, time);
        var granted = time.GetUtcNow();
        ComeBack(log, time);
        await (await permits.AcquireAsync(null, false, default)).DisposeAsync();
        var added = Assert.Single(log.Added, p => p.FreesAt == granted + Window + Window);
        await unanswered.DisposeAsync();
        Assert.Equal(time.GetUtcNow() + Window, log.FreesAt(added.Permit));
    }

    [Fact]
    public async Task Back_on_the_log_the_share_of_each_process_seen_before_the_outage_and_not_back_stays_free_for_a_few_windows()
    {
        var log = new FakeSharedLog(processes: 3);
        var (permits, time, _) = Shared(log, limit: 60);
        await (await permits.AcquireAsync(null, false, default)).DisposeAsync();
        await (await TakeAloneAsync(permits, log, time)).DisposeAsync();
        Assert.Equal(15, permits.FallbackLimit);
        log.Processes = 1;   // the other two are still cut off from the log, each on its share of 15
        ComeBack(log, time);
        await (await permits.AcquireAsync(null, false, default)).DisposeAsync();
        time.Advance(Window);
        await (await permits.AcquireAsync(null, false, default)).DisposeAsync();
        Assert.False(permits.Degraded);
        Assert.Equal(60 - (2 * 15), log.LastLimit);

        log.Processes = 2;   // one is back: seen by the next attempt, used by the one after
        await (await permits.AcquireAsync(null, false, default)).DisposeAsync();
        await (await permits.AcquireAsync(null, false, default)).DisposeAsync();
        Assert.Equal(60 - 15, log.LastLimit);

        time.Advance(Window * SharedPermits.ReservationWindows);   // the last never comes back (it may have crashed)
        await (await permits.AcquireAsync(null, false, default)).DisposeAsync();
        Assert.Equal(60, log.LastLimit);
    }

    // The log goes down; the permit the process then grants alone, after the window's pause.
    private static async Task<SharedPermits.Lease> TakeAloneAsync(SharedPermits permits, FakeSharedLog log, FakeTimeProvider time)
    {
        log.Down = true;
        var alone = permits.AcquireAsync(null, false, default).AsTask();
        await WaitUntil(() => permits.Degraded);
        time.Advance(Window);
        return await alone.WaitAsync(Patience);
    }

    // The log answers again, one second later: the next permit's probe finds it.
    private static void ComeBack(FakeSharedLog log, FakeTimeProvider time)
    {
        log.Down = false;
        time.Advance(TimeSpan.FromSeconds(1));
    }

    private static (SharedPermits Permits, FakeTimeProvider Time, CapturingLoggerFactory Logs) Shared(FakeSharedLog log, int limit)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddDays(20_000));
        var logs = new CapturingLoggerFactory();
        var options = new TotalExpertClientOptions
        {
            ClientId = "id",
            ClientSecret = "secret",
            RateLimit = new RateLimitHandlerOptions { RequestsPerWindow = limit, Window = Window, SafetyMargin = TimeSpan.Zero },
        };
        return (new TeRateLimiterRegistry(log, logs).For(options, time).Shared!, time, logs);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; !condition(); i++)
        {
            Assert.True(i < 1000, "condition not reached");
            await Task.Delay(10);
        }
    }
}
