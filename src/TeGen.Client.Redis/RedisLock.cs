using StackExchange.Redis;

namespace TeGen.Client.Redis;

/// <summary>A held Redis lock: renews its lease every third of it until disposed, then releases it if still its holder's.</summary>
internal sealed class RedisLock : IAsyncDisposable
{
    private readonly IConnectionMultiplexer _redis;
    private readonly RedisKey _name;
    private readonly string _holder;
    private readonly TimeSpan _lease;
    private readonly ITimer _renewal;
    private int _released;

    public RedisLock(IConnectionMultiplexer redis, RedisKey name, string holder, TimeSpan lease, TimeProvider time)
    {
        _redis = redis;
        _name = name;
        _holder = holder;
        _lease = lease;
        using (ExecutionContext.SuppressFlow())
        {
            _renewal = time.CreateTimer(static state => ((RedisLock)state!).Renew(), this, lease / 3, lease / 3);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _released, 1) != 0)
        {
            return;
        }

        await _renewal.DisposeAsync().ConfigureAwait(false);
        try
        {
            await _redis.GetDatabase().ScriptEvaluateAsync(RedisScripts.ReleaseLock, [_name], [_holder]).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // Unreleased, the lock lapses with its lease.
        }
    }

    private void Renew()
    {
        if (Volatile.Read(ref _released) == 0)
        {
            // Fire and forget: a failed renewal lets the lease lapse, which is what a lost holder should do.
            _ = _redis.GetDatabase().ScriptEvaluateAsync(RedisScripts.RenewLock, [_name], [_holder, (long)_lease.TotalMilliseconds], CommandFlags.FireAndForget);
        }
    }
}
