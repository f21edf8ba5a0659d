using TeGen.Client.Redis.Tests.Support;

namespace TeGen.Client.Redis.Tests;

/// <summary>
/// The shared permit log's rules, with the times given (the log runs on its callers' clock): a permit counts from its
/// grant until TE's answer plus a window, or two windows when no answer comes; a pause holds everyone.
/// </summary>
public class RequestLogTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
    private static readonly DateTimeOffset T0 = DateTimeOffset.UnixEpoch.AddDays(20_000);

    [Theory]
    [MemberData(nameof(RedisBackends.All), MemberType = typeof(RedisBackends))]
    public async Task Permits_free_one_window_after_the_answer_or_two_after_the_grant(string backend)
    {
        using var redis = RedisBackends.Connect(backend);
        var log = new RedisRequestLog(redis, RedisBackends.Options(backend));

        for (var i = 0; i < 3; i++)
        {
            Assert.True((await log.TryTakeAsync("e|h", $"p{i}", "a", 3, Window, T0, default)).Taken);
        }

        Assert.Equal(TimeSpan.FromSeconds(2), (await log.TryTakeAsync("e|h", "p3", "a", 3, Window, T0, default)).Wait);

        await log.CountAsync("e|h", "p1", T0.AddMilliseconds(100) + Window, default);
        Assert.Equal(TimeSpan.FromMilliseconds(900), (await log.TryTakeAsync("e|h", "p3", "a", 3, Window, T0.AddMilliseconds(200), default)).Wait);
        Assert.True((await log.TryTakeAsync("e|h", "p3", "a", 3, Window, T0.AddMilliseconds(1100), default)).Taken);
    }

    [Theory]
    [MemberData(nameof(RedisBackends.All), MemberType = typeof(RedisBackends))]
    public async Task A_pause_holds_every_process_and_is_never_shortened(string backend)
    {
        using var redis = RedisBackends.Connect(backend);
        var log = new RedisRequestLog(redis, RedisBackends.Options(backend));

        await log.PauseAsync("e|h", T0.AddSeconds(5), default);
        await log.PauseAsync("e|h", T0.AddSeconds(1), default);

        Assert.Equal(TimeSpan.FromSeconds(5), (await log.TryTakeAsync("e|h", "p", "a", 3, Window, T0, default)).Wait);
        Assert.True((await log.TryTakeAsync("e|h", "p", "b", 3, Window, T0.AddSeconds(5), default)).Taken);
    }

    [Theory]
    [MemberData(nameof(RedisBackends.All), MemberType = typeof(RedisBackends))]
    public async Task The_log_counts_the_processes_of_the_last_window_and_takes_permits_added_after_an_outage(string backend)
    {
        using var redis = RedisBackends.Connect(backend);
        var log = new RedisRequestLog(redis, RedisBackends.Options(backend));

        // A process returning from an outage adds what it granted alone, and is counted as using the scope.
        Assert.Equal(1, await log.AddAsync("e|h", "c", [new("c1", T0.AddMilliseconds(500)), new("c2", T0.AddMilliseconds(600))], Window, T0, default));
        Assert.Equal(2, (await log.TryTakeAsync("e|h", "p1", "a", 4, Window, T0, default)).Processes);
        Assert.Equal(3, (await log.TryTakeAsync("e|h", "p2", "b", 4, Window, T0, default)).Processes);

        Assert.Equal(TimeSpan.FromMilliseconds(500), (await log.TryTakeAsync("e|h", "p3", "b", 4, Window, T0, default)).Wait);
        Assert.Equal(1, (await log.TryTakeAsync("e|h", "p3", "b", 4, Window, T0 + Window + Window, default)).Processes);
    }

    [Theory]
    [MemberData(nameof(RedisBackends.All), MemberType = typeof(RedisBackends))]
    public async Task A_permit_added_before_its_answer_is_moved_by_the_answer_like_a_permit_taken(string backend)
    {
        using var redis = RedisBackends.Connect(backend);
        var log = new RedisRequestLog(redis, RedisBackends.Options(backend));

        await log.AddAsync("e|h", "a", [new("sent", T0 + Window + Window)], Window, T0, default);
        await log.TryTakeAsync("e|h", "p1", "a", 2, Window, T0, default);
        Assert.Equal(Window + Window, (await log.TryTakeAsync("e|h", "p2", "a", 2, Window, T0, default)).Wait);

        // Sent without waiting, but ahead of the next command on the connection.
        await log.CountAsync("e|h", "sent", T0.AddMilliseconds(300), default);
        Assert.Equal(TimeSpan.FromMilliseconds(300), (await log.TryTakeAsync("e|h", "p2", "a", 2, Window, T0, default)).Wait);
    }

    [Fact]
    public async Task Adding_nothing_still_asks_Redis_so_a_probe_cannot_mistake_a_dead_server_for_a_live_one()
    {
        using var garnet = GarnetHost.Start();
        using var coordination = RedisCoordination.Connect(new RedisCoordinationOptions { ConnectionString = garnet.Endpoint });
        garnet.Stop();

        await Assert.ThrowsAnyAsync<Exception>(() => coordination.RequestLog.AddAsync("e|h", "a", [], Window, T0, default).AsTask());
    }
}
