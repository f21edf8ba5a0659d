using TeGen.Client.Redis.Tests.Support;

namespace TeGen.Client.Redis.Tests;

/// <summary>The token budget and the token-request lock on Redis, from several connections as several processes have.</summary>
public class TokenCoordinationTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Theory]
    [MemberData(nameof(RedisBackends.All), MemberType = typeof(RedisBackends))]
    public async Task Concurrent_reservations_from_four_connections_record_exactly_the_budget(string backend)
    {
        var options = RedisBackends.Options(backend);
        var connections = Enumerable.Range(0, 4).Select(_ => RedisBackends.Connect(backend)).ToList();
        var stores = connections.Select(c => new RedisTokenStore(c, options)).ToList();
        var now = DateTimeOffset.UtcNow;

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            stores[i % 4].TryRecordAsync("tegen:budget:a", $"r{i}", now.AddMilliseconds(i), Hour, 2, 0, default).AsTask()));

        Assert.Equal(2, outcomes.Count(o => o.Recorded));
        Assert.Equal(2, (await stores[3].ReadAsync("tegen:budget:a", now.AddSeconds(1), Hour, default)).Count);
        connections.ForEach(c => c.Dispose());
    }

    [Theory]
    [MemberData(nameof(RedisBackends.All), MemberType = typeof(RedisBackends))]
    public async Task A_request_older_than_the_window_or_given_back_frees_its_place_and_keep_free_holds_places(string backend)
    {
        using var redis = RedisBackends.Connect(backend);
        var store = new RedisTokenStore(redis, RedisBackends.Options(backend));
        var start = DateTimeOffset.UtcNow;

        Assert.True((await store.TryRecordAsync("b", "1", start, Hour, 2, 0, default)).Recorded);
        Assert.False((await store.TryRecordAsync("b", "2", start.AddMinutes(1), Hour, 2, keepFree: 1, default)).Recorded);
        Assert.True((await store.TryRecordAsync("b", "3", start.AddMinutes(2), Hour, 2, 0, default)).Recorded);
        var full = await store.TryRecordAsync("b", "4", start.AddMinutes(3), Hour, 2, 0, default);
        Assert.False(full.Recorded);
        Assert.Equal([Ms(start), Ms(start.AddMinutes(2))], full.Recent.Select(Ms));

        await store.RemoveAsync("b", "3", default);
        Assert.True((await store.TryRecordAsync("b", "5", start.AddMinutes(4), Hour, 2, 0, default)).Recorded);
        Assert.True((await store.TryRecordAsync("b", "6", start + Hour + TimeSpan.FromSeconds(1), Hour, 2, 0, default)).Recorded);
    }

    [Theory]
    [MemberData(nameof(RedisBackends.All), MemberType = typeof(RedisBackends))]
    public async Task The_lock_admits_one_holder_at_a_time_and_its_lease_is_renewed_while_held(string backend)
    {
        var options = RedisBackends.Options(backend, o => o.LockLease = TimeSpan.FromSeconds(3));
        using var first = RedisBackends.Connect(backend);
        using var second = RedisBackends.Connect(backend);
        var holder = await new RedisTokenStore(first, options).LockAsync("tegen:token:x");

        var waiting = new RedisTokenStore(second, options).LockAsync("tegen:token:x").AsTask();
        await Task.Delay(5000);
        Assert.False(waiting.IsCompleted, "the lease lapsed while its holder was alive");

        await holder.DisposeAsync();
        await (await waiting.WaitAsync(TimeSpan.FromSeconds(10))).DisposeAsync();
    }

    [Theory]
    [MemberData(nameof(RedisBackends.All), MemberType = typeof(RedisBackends))]
    public async Task A_lock_whose_holder_died_lapses_after_its_lease(string backend)
    {
        var lease = TimeSpan.FromSeconds(1);
        var options = RedisBackends.Options(backend, o => o.LockLease = lease);
        using var redis = RedisBackends.Connect(backend);
        var started = DateTimeOffset.UtcNow;
        // A holder that crashed: it took the lock and will never renew nor release it.
        await redis.GetDatabase().StringSetAsync(options.KeyPrefix + "tegen:lock:tegen:token:y", "dead", lease);

        await (await new RedisTokenStore(redis, options).LockAsync("tegen:token:y").AsTask().WaitAsync(TimeSpan.FromSeconds(15))).DisposeAsync();

        Assert.InRange(DateTimeOffset.UtcNow - started, lease - TimeSpan.FromMilliseconds(50), lease + TimeSpan.FromSeconds(10));
    }

    [Theory]
    [MemberData(nameof(RedisBackends.All), MemberType = typeof(RedisBackends))]
    public async Task An_unreachable_Redis_refuses_the_token_budget_rather_than_guess(string backend)
    {
        // A port nothing listens on: Redis down from the start.
        using var garnet = GarnetHost.Start();
        garnet.Stop();
        using var coordination = RedisCoordination.Connect(RedisBackends.Options(backend, o => o.ConnectionString = garnet.Endpoint));

        await Assert.ThrowsAsync<TeCoordinationUnavailableException>(() => coordination.TokenStore.TryRecordAsync("c", "1", DateTimeOffset.UtcNow, Hour, 2, 0, default).AsTask());
        await Assert.ThrowsAsync<TeCoordinationUnavailableException>(() => coordination.TokenStore.LockAsync("c").AsTask());
    }

    private static long Ms(DateTimeOffset at) => at.ToUnixTimeMilliseconds();
}
