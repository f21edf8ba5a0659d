using StackExchange.Redis;
using TeGen.Client.Http;

namespace TeGen.Client.Redis;

/// <summary>
/// The permits of each egress shared on Redis (<see cref="ISharedRequestLog"/>): a sorted set per egress scope whose
/// scores are the moments the permits free, taken by one Lua script that also honours a 429's pause and counts the
/// processes using the scope. RedisRateLimiting's limiters were not used: they count a permit when it is acquired and
/// cannot move it to the moment TE's answer arrives, nor pause every process until a <c>Retry-After</c>.
/// </summary>
public sealed class RedisRequestLog : ISharedRequestLog
{
    private static readonly TimeSpan PauseKeyLife = TimeSpan.FromHours(1);

    private readonly IConnectionMultiplexer _redis;
    private readonly RedisKeys _keys;

    /// <summary>Creates the log on an open connection.</summary>
    /// <param name="redis">The connection; the application owns it.</param>
    /// <param name="options">Key prefix, fallback share and probe interval.</param>
    public RedisRequestLog(IConnectionMultiplexer redis, RedisCoordinationOptions? options = null)
    {
        _redis = redis ?? throw new ArgumentNullException(nameof(redis));
        options ??= new RedisCoordinationOptions();
        options.Validate();
        _keys = new RedisKeys(options.KeyPrefix);
        FallbackShare = options.FallbackShare;
        ProbeInterval = options.ProbeInterval;
    }

    /// <inheritdoc />
    public double FallbackShare { get; }

    /// <inheritdoc />
    public TimeSpan ProbeInterval { get; }

    private IDatabase Db => _redis.GetDatabase();

    /// <inheritdoc />
    public async ValueTask<SharedPermitAttempt> TryTakeAsync(string scope, string permit, string process, int limit, TimeSpan window, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var result = (RedisResult[])(await Db.ScriptEvaluateAsync(
            RedisScripts.TakePermit,
            _keys.Limiter(scope),
            [now.ToUnixTimeMilliseconds(), limit, Milliseconds(window), permit, process]).ConfigureAwait(false))!;
        return new SharedPermitAttempt(TimeSpan.FromMilliseconds((long)result[0]), (int)(long)result[1]);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Sent without waiting for Redis's answer, so a call is not held a round trip longer: a count that is lost leaves the
    /// permit to lapse two windows after it was taken, later than needed, never too early.
    /// </remarks>
    public async ValueTask CountAsync(string scope, string permit, DateTimeOffset freesAt, CancellationToken cancellationToken) =>
        // XX: only a permit still in the log; one that lapsed (or was never taken) is not brought back.
        await Db.SortedSetAddAsync(_keys.Limiter(scope)[0], permit, freesAt.ToUnixTimeMilliseconds(), SortedSetWhen.Exists, CommandFlags.FireAndForget).ConfigureAwait(false);

    /// <inheritdoc />
    public async ValueTask PauseAsync(string scope, DateTimeOffset until, CancellationToken cancellationToken) =>
        // The key outlives any pause (Retry:MaxDelay caps them far below); a past pause is ignored anyway.
        await Db.ScriptEvaluateAsync(RedisScripts.Pause, [_keys.Limiter(scope)[1]], [until.ToUnixTimeMilliseconds(), (long)PauseKeyLife.TotalMilliseconds]).ConfigureAwait(false);

    /// <inheritdoc />
    /// <remarks>Always a round trip, with or without permits: a probe must not take a dead server for a live one.</remarks>
    public async ValueTask<int> AddAsync(string scope, string process, IReadOnlyList<SharedPermitEntry> permits, TimeSpan window, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(permits);
        var keys = _keys.Limiter(scope);
        var arguments = new RedisValue[3 + (2 * permits.Count)];
        arguments[0] = now.ToUnixTimeMilliseconds();
        arguments[1] = Milliseconds(window);
        arguments[2] = process;
        for (var i = 0; i < permits.Count; i++)
        {
            arguments[3 + (2 * i)] = permits[i].Permit;
            arguments[4 + (2 * i)] = permits[i].FreesAt.ToUnixTimeMilliseconds();
        }

        return (int)(long)(await Db.ScriptEvaluateAsync(RedisScripts.AddPermits, [keys[0], keys[2]], arguments).ConfigureAwait(false));
    }

    private static long Milliseconds(TimeSpan span) => (long)Math.Ceiling(span.TotalMilliseconds);
}
