using TeGen.Client.Auth;
using TeGen.Client.Http;
using TeGen.Client.Tests.Support;
using TeGen.Sandbox;

namespace TeGen.Client.Tests.Auth;

/// <summary>
/// What clients share is an instance someone owns (a connection, the DI container), never hidden process-wide state:
/// connections given one token store and limiter registry share tokens, token requests and permits; connections given
/// none share nothing.
/// </summary>
public class SharedStateTests
{
    [Fact]
    public async Task Connections_given_one_store_share_one_token_request_between_concurrent_first_calls()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        var store = new InMemoryTokenStore();
        var limiters = new TeRateLimiterRegistry();
        using var first = SandboxClients.Connect(sandbox, store: store, limiters: limiters);
        using var second = SandboxClients.Connect(sandbox, store: store, limiters: limiters);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            (i % 2 == 0 ? first : second).CreateAdminClient().Contacts.ListContactsAsync(1, 1, null, null)));

        Assert.Equal(1, sandbox.Inspector.GetRequestStats().TokenRequests);
        Assert.Same(first.RateLimiter, second.RateLimiter);
    }

    [Fact]
    public async Task Callers_that_waited_for_a_renewal_in_this_process_take_its_token_without_the_stores_lock_or_a_read()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        var alone = new CountingLockingStore();
        using (var single = SandboxClients.Connect(sandbox, store: alone))
        {
            await single.AdminTokens.GetTokenAsync();
        }

        var store = new CountingLockingStore();
        using var connection = SandboxClients.Connect(sandbox, store: store);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => connection.AdminTokens.GetTokenAsync().AsTask()));

        // Eight concurrent callers cost the store what one caller alone does (its lock and read, and the token budget's):
        // the seven that waited in this process touch the store no more. Before, each took the lock and read again, and
        // with Redis gone such a waiter failed although its process held a fresh token.
        Assert.Equal(2, sandbox.Inspector.GetRequestStats().TokenRequests);
        Assert.Equal((alone.Locks, alone.Reads), (store.Locks, store.Reads));
    }

    [Fact]
    public async Task Connections_given_nothing_own_their_store_and_limiter()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var first = new TotalExpertConnection(SandboxClients.Options(sandbox));
        using var second = new TotalExpertConnection(SandboxClients.Options(sandbox));

        await first.CreateAdminClient().Contacts.ListContactsAsync(1, 1, null, null);
        await second.CreateAdminClient().Contacts.ListContactsAsync(1, 1, null, null);

        Assert.NotSame(first.TokenStore, second.TokenStore);
        Assert.NotSame(first.RateLimiter, second.RateLimiter);
        Assert.Equal(2, sandbox.Inspector.GetRequestStats().TokenRequests);
    }

    [Fact]
    public async Task A_token_request_in_flight_on_one_store_does_not_hold_back_another_store()
    {
        var stalled = new InMemoryTokenStore();
        var other = new InMemoryTokenStore();
        const string key = "tegen:token:same-key";

        await using var held = await SingleFlight.For(stalled).EnterAsync(key, CancellationToken.None);
        var sameStore = SingleFlight.For(stalled).EnterAsync(key, CancellationToken.None).AsTask();
        await using var otherStore = await SingleFlight.For(other).EnterAsync(key, CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.False(sameStore.IsCompleted);
        await held.DisposeAsync();
        await (await sameStore.WaitAsync(TimeSpan.FromSeconds(10))).DisposeAsync();
    }

    // A store that spans processes (it has a lock), counting what the token provider asks of it.
    private sealed class CountingLockingStore : ITokenStore, ITokenStoreLock
    {
        private readonly InMemoryTokenStore _inner = new();
        private int _locks;
        private int _reads;

        public int Locks => Volatile.Read(ref _locks);

        public int Reads => Volatile.Read(ref _reads);

        public ValueTask<string?> GetAsync(string key, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _reads);
            return _inner.GetAsync(key, cancellationToken);
        }

        public ValueTask SetAsync(string key, string value, DateTimeOffset expiresAt, CancellationToken cancellationToken = default) =>
            _inner.SetAsync(key, value, expiresAt, cancellationToken);

        public ValueTask RemoveAsync(string key, CancellationToken cancellationToken = default) => _inner.RemoveAsync(key, cancellationToken);

        public ValueTask<IAsyncDisposable> LockAsync(string key, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _locks);
            return ValueTask.FromResult<IAsyncDisposable>(new Unlock());
        }

        private sealed class Unlock : IAsyncDisposable
        {
            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}
