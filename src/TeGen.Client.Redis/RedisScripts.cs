namespace TeGen.Client.Redis;

/// <summary>
/// The Lua scripts behind every operation that must be atomic across processes. Times are Unix milliseconds from the
/// calling process's clock; sorted sets score each entry with a time, so old entries go with one range removal.
/// </summary>
internal static class RedisScripts
{
    /// <summary>
    /// Token budget. KEYS[1]: the requests (member: id, score: time). ARGV: now, window, limit, keep free, id.
    /// Returns {recorded (0/1), time, time, ...} with the window's requests, oldest first.
    /// </summary>
    public const string RecordTokenRequest = """
        local now = tonumber(ARGV[1])
        local window = tonumber(ARGV[2])
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
        local recorded = 0
        if redis.call('ZCARD', KEYS[1]) + tonumber(ARGV[4]) < tonumber(ARGV[3]) then
          redis.call('ZADD', KEYS[1], now, ARGV[5])
          redis.call('PEXPIRE', KEYS[1], window * 2)
          recorded = 1
        end
        local result = { recorded }
        for _, at in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1, 'WITHSCORES')) do
          table.insert(result, at)
        end
        return result
        """;

    /// <summary>
    /// Request permits. KEYS: permits (member: id, score: when it frees), pause (until), processes (member: id, score:
    /// last seen). ARGV: now, limit, window, permit id, process id. Returns {wait in ms (0: taken), processes}.
    /// </summary>
    public const string TakePermit = """
        local now = tonumber(ARGV[1])
        local limit = tonumber(ARGV[2])
        local window = tonumber(ARGV[3])
        redis.call('ZADD', KEYS[3], now, ARGV[5])
        redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now - window)
        redis.call('PEXPIRE', KEYS[3], window * 2)
        local processes = redis.call('ZCARD', KEYS[3])
        local paused = tonumber(redis.call('GET', KEYS[2]) or '0')
        if paused > now then
          return { paused - now, processes }
        end
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
        local held = redis.call('ZCARD', KEYS[1])
        if held < limit then
          redis.call('ZADD', KEYS[1], now + 2 * window, ARGV[4])
          redis.call('PEXPIRE', KEYS[1], window * 3)
          return { 0, processes }
        end
        local frees = redis.call('ZRANGE', KEYS[1], held - limit, held - limit, 'WITHSCORES')
        return { math.max(1, tonumber(frees[2]) - now), processes }
        """;

    /// <summary>
    /// Permits a process granted on its own. KEYS: permits, processes. ARGV: now, window, process id, then a permit id and
    /// the time it frees for each permit. Returns the processes that used the scope within the last window.
    /// </summary>
    public const string AddPermits = """
        local now = tonumber(ARGV[1])
        local window = tonumber(ARGV[2])
        redis.call('ZADD', KEYS[2], now, ARGV[3])
        redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - window)
        redis.call('PEXPIRE', KEYS[2], window * 2)
        if #ARGV > 3 then
          for i = 4, #ARGV, 2 do
            redis.call('ZADD', KEYS[1], ARGV[i + 1], ARGV[i])
          end
          redis.call('PEXPIRE', KEYS[1], window * 3)
        end
        return redis.call('ZCARD', KEYS[2])
        """;

    /// <summary>KEYS[1]: pause. ARGV: until, time to live. Never shortens a pause.</summary>
    public const string Pause = """
        local pause_until = tonumber(ARGV[1])
        if pause_until > tonumber(redis.call('GET', KEYS[1]) or '0') then
          redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
        end
        return 0
        """;

    /// <summary>KEYS[1]: a lock. ARGV: holder, lease. Renews the lease if the caller still holds the lock.</summary>
    public const string RenewLock = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then
          return redis.call('PEXPIRE', KEYS[1], ARGV[2])
        end
        return 0
        """;

    /// <summary>KEYS[1]: a lock. ARGV: holder. Releases the lock if the caller still holds it (not one taken after its lease lapsed).</summary>
    public const string ReleaseLock = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then
          return redis.call('DEL', KEYS[1])
        end
        return 0
        """;
}
