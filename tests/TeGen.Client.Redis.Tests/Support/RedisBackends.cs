using StackExchange.Redis;

namespace TeGen.Client.Redis.Tests.Support;

/// <summary>
/// The RESP servers the suite runs against: Garnet, embedded in this process, always; and a real redis-server when
/// <c>TEGEN_TEST_REDIS</c> names one (<c>.ci/run</c> starts Debian's on a random loopback port). Every test takes the
/// backend as a theory parameter and keeps its keys under a prefix of its own, so the tests share the servers.
/// </summary>
public static class RedisBackends
{
    public const string Garnet = "garnet";
    public const string RedisServer = "redis-server";

    private static readonly Lazy<GarnetHost> SharedGarnet = new(() => GarnetHost.Start());

    /// <summary>The external redis-server's endpoint, e.g. <c>127.0.0.1:40123</c>, when the suite is pointed at one.</summary>
    public static string? External => Environment.GetEnvironmentVariable("TEGEN_TEST_REDIS") is { Length: > 0 } endpoint ? endpoint : null;

    /// <summary>The redis-server binary, for the tests that stop and restart a server of their own.</summary>
    public static string? ServerBinary => Environment.GetEnvironmentVariable("TEGEN_TEST_REDIS_SERVER") is { Length: > 0 } path ? path : null;

    public static TheoryData<string> All
    {
        get
        {
            var backends = new TheoryData<string> { Garnet };
            if (External is not null)
            {
                backends.Add(RedisServer);
            }

            return backends;
        }
    }

    public static string Endpoint(string backend) => backend switch
    {
        Garnet => SharedGarnet.Value.Endpoint,
        RedisServer => External ?? throw new InvalidOperationException("TEGEN_TEST_REDIS is not set"),
        _ => throw new ArgumentOutOfRangeException(nameof(backend), backend, null),
    };

    /// <summary>A new connection to the backend, as a separate process would have.</summary>
    public static ConnectionMultiplexer Connect(string backend) => ConnectionMultiplexer.Connect(Endpoint(backend));

    /// <summary>A key prefix no other test uses.</summary>
    public static string Prefix() => $"test-{Guid.NewGuid():N}:";

    /// <summary>Options on the backend with a fresh prefix.</summary>
    public static RedisCoordinationOptions Options(string backend, Action<RedisCoordinationOptions>? configure = null)
    {
        var options = new RedisCoordinationOptions { ConnectionString = Endpoint(backend), KeyPrefix = Prefix() };
        configure?.Invoke(options);
        return options;
    }
}
