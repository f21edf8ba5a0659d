using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using StackExchange.Redis;
using TeGen.Client.Auth;

namespace TeGen.Client.Redis;

/// <summary>
/// Keeps TeGen's tokens and token-request budgets in Redis, for every process and machine of an egress: each budget is a
/// sorted set updated by one Lua script (<see cref="ITokenBudgetLog"/>), so no process loses another's count, and a
/// credential's token request is made under a Redis lock with a renewed lease (<see cref="ITokenStoreLock"/>), so
/// processes starting together send one. When Redis cannot be reached, nothing is sent to TE:
/// <see cref="TeCoordinationUnavailableException"/> (a token request might be the egress's third of the hour).
/// </summary>
/// <remarks>
/// Values are bearer tokens. Given an <see cref="IDataProtector"/> (ASP.NET Core data protection with keys every process
/// shares) they are stored encrypted; otherwise as they are, and whoever can read Redis can call TE as the credential.
/// Keys are hashes and name no secret.
/// </remarks>
public sealed class RedisTokenStore : ITokenStore, ITokenStoreLock, ITokenBudgetLog
{
    // How often a process waiting for another's lock looks again: a token request takes tens of milliseconds or more.
    private static readonly TimeSpan LongestLockPoll = TimeSpan.FromMilliseconds(50);

    private readonly IConnectionMultiplexer _redis;
    private readonly RedisKeys _keys;
    private readonly TimeSpan _lease;
    private readonly IDataProtector? _protector;
    private readonly TimeProvider _time;

    /// <summary>Creates a store on an open connection.</summary>
    /// <param name="redis">The connection; the application owns it.</param>
    /// <param name="options">Key prefix and lock lease.</param>
    /// <param name="protector">Encrypts the tokens; default none (see remarks).</param>
    /// <param name="timeProvider">The clock of lock polling and lease renewal; default the system's.</param>
    public RedisTokenStore(IConnectionMultiplexer redis, RedisCoordinationOptions? options = null, IDataProtector? protector = null, TimeProvider? timeProvider = null)
    {
        _redis = redis ?? throw new ArgumentNullException(nameof(redis));
        options ??= new RedisCoordinationOptions();
        options.Validate();
        _keys = new RedisKeys(options.KeyPrefix);
        _lease = options.LockLease;
        _protector = protector;
        _time = timeProvider ?? TimeProvider.System;
    }

    private IDatabase Db => _redis.GetDatabase();

    /// <inheritdoc />
    public async ValueTask<string?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        var value = await Guard("read a cached token", () => Db.StringGetAsync(_keys.Entry(key))).ConfigureAwait(false);
        if (value.IsNull)
        {
            return null;
        }

        try
        {
            return _protector is null ? value.ToString() : _protector.Unprotect(value.ToString());
        }
        catch (CryptographicException)
        {
            // Written without protection, or with keys no longer known: as good as no entry (one token request).
            return null;
        }
    }

    /// <inheritdoc />
    public async ValueTask SetAsync(string key, string value, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        var stored = _protector is null ? value : _protector.Protect(value);
        var ttl = expiresAt - _time.GetUtcNow();
        await Guard("cache a token", () => Db.StringSetAsync(_keys.Entry(key), stored, ttl > TimeSpan.Zero ? ttl : TimeSpan.FromSeconds(1))).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask RemoveAsync(string key, CancellationToken cancellationToken = default) =>
        await Guard("remove a cached token", () => Db.KeyDeleteAsync(_keys.Entry(key))).ConfigureAwait(false);

    /// <inheritdoc />
    /// <remarks>
    /// <c>SET NX PX</c> with a random holder id; the holder renews the lease every third of it while it holds the lock, and
    /// releases it only if still its own. A holder that crashed blocks the others for one lease at most.
    /// </remarks>
    public async ValueTask<IAsyncDisposable> LockAsync(string key, CancellationToken cancellationToken = default)
    {
        var name = _keys.Lock(key);
        var holder = Guid.NewGuid().ToString("N");
        var poll = TimeSpan.FromMilliseconds(2);
        while (!await Guard("take the token lock", () => Db.StringSetAsync(name, holder, _lease, When.NotExists)).ConfigureAwait(false))
        {
            await Task.Delay(poll, _time, cancellationToken).ConfigureAwait(false);
            poll = TimeSpan.FromTicks(Math.Min(poll.Ticks * 2, LongestLockPoll.Ticks));
        }

        return new RedisLock(_redis, name, holder, _lease, _time);
    }

    /// <inheritdoc />
    public async ValueTask<TokenBudgetRecording> TryRecordAsync(string key, string id, DateTimeOffset at, TimeSpan window, int limit, int keepFree, CancellationToken cancellationToken)
    {
        var result = await Guard("record a token request in the shared budget", () => Db.ScriptEvaluateAsync(
            RedisScripts.RecordTokenRequest,
            [_keys.Entry(key)],
            [at.ToUnixTimeMilliseconds(), (long)window.TotalMilliseconds, limit, keepFree, id])).ConfigureAwait(false);
        var values = (RedisResult[])result!;
        return new TokenBudgetRecording((long)values[0] == 1, Times(values.Skip(1)));
    }

    /// <inheritdoc />
    public async ValueTask RemoveAsync(string key, string id, CancellationToken cancellationToken) =>
        await Guard("give back a token request", () => Db.SortedSetRemoveAsync(_keys.Entry(key), id)).ConfigureAwait(false);

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<DateTimeOffset>> ReadAsync(string key, DateTimeOffset now, TimeSpan window, CancellationToken cancellationToken)
    {
        var entries = await Guard("read the shared token budget", () => Db.SortedSetRangeByScoreWithScoresAsync(
            _keys.Entry(key), (now - window).ToUnixTimeMilliseconds(), double.PositiveInfinity, Exclude.Start)).ConfigureAwait(false);
        return [.. entries.Select(e => DateTimeOffset.FromUnixTimeMilliseconds((long)e.Score))];
    }

    // ZRANGE WITHSCORES answers member, score, member, score, ...: the scores are the times.
    private static List<DateTimeOffset> Times(IEnumerable<RedisResult> memberScorePairs) =>
        [.. memberScorePairs.Where((_, i) => i % 2 == 1).Select(score => DateTimeOffset.FromUnixTimeMilliseconds((long)(double)score))];

    private static async Task<T> Guard<T>(string what, Func<Task<T>> operation)
    {
        try
        {
            return await operation().ConfigureAwait(false);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            throw new TeCoordinationUnavailableException($"Redis could not {what} ({e.GetType().Name}); no token request was sent to TE.", e);
        }
    }
}
