using StackExchange.Redis;

namespace TeGen.Client.Redis;

/// <summary>
/// The keys TeGen writes. Token and budget keys come from TeGen.Client (hashes of the TE host with the client id or the
/// egress: no secret, no readable client id); a limiter's keys name its egress scope (the egress name and TE host) in
/// braces, so that one script's keys share a Redis Cluster slot.
/// </summary>
internal sealed class RedisKeys(string? prefix)
{
    private readonly string _prefix = prefix ?? "";

    public RedisKey Entry(string key) => _prefix + key;

    public RedisKey Lock(string key) => _prefix + "tegen:lock:" + key;

    public RedisKey[] Limiter(string scope) =>
        [$"{_prefix}tegen:limiter:{{{scope}}}:permits", $"{_prefix}tegen:limiter:{{{scope}}}:paused", $"{_prefix}tegen:limiter:{{{scope}}}:processes"];
}
