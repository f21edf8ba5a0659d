using Microsoft.Extensions.Time.Testing;
using TeGen.Client.Http;
using TeGen.Client.Tests.Support;

namespace TeGen.Client.Tests.Http;

/// <summary>
/// An egress limiter whose permits are shared with other processes through a log (Redis in production): each permit is
/// taken from the log too; when the log is unreachable the process runs on a conservative share after one window's
/// pause, warns once, and returns to the log one window after it answers again, having added the permits it took alone.
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
    public async Task Back_on_the_log_a_process_adds_the_permits_it_took_alone_and_returns_one_window_later()
    {
        var log = new FakeSharedLog();
        var (permits, time, _) = Shared(log, limit: 40);
        log.Down = true;
        var during = permits.AcquireAsync(null, false, default).AsTask();
        await WaitUntil(() => permits.Degraded);
        time.Advance(Window);
        await (await during.WaitAsync(Patience)).DisposeAsync();

        log.Down = false;
        time.Advance(TimeSpan.FromSeconds(1));
        var recovering = await permits.AcquireAsync(null, false, default);
        Assert.Single(log.Added);               // the permit taken alone, freeing a window after it was counted
        Assert.True(permits.Degraded);          // one more window on the share: the others come back meanwhile
        await recovering.DisposeAsync();
        Assert.Equal(2, log.Added.Count);       // counted now, added at once

        time.Advance(Window);
        await (await permits.AcquireAsync(null, false, default)).DisposeAsync();
        Assert.False(permits.Degraded);
        Assert.Equal(1, log.Held);
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
