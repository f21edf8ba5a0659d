using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using TeGen.Client.Auth;
using TeGen.Client.Http;
using TeGen.Client.Redis.Tests.Support;
using TeGen.Sandbox;

namespace TeGen.Client.Redis.Tests;

/// <summary><c>services.AddTotalExpert(...).UseRedis(...)</c>, from a connection string, configuration or the application's own connection.</summary>
public class RedisDependencyInjectionTests
{
    [Theory]
    [MemberData(nameof(RedisBackends.All), MemberType = typeof(RedisBackends))]
    public async Task UseRedis_from_configuration_shares_the_token_store_and_limiters_on_Redis(string backend)
    {
        await using var sandbox = await TeSandbox.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["TotalExpert:BaseUrl"] = sandbox.BaseUrl.ToString(),
            ["TotalExpert:ClientId"] = sandbox.ClientId,
            ["TotalExpert:ClientSecret"] = sandbox.ClientSecret,
            ["TotalExpert:Coordination:ConnectionString"] = RedisBackends.Endpoint(backend),
            ["TotalExpert:Coordination:KeyPrefix"] = RedisBackends.Prefix(),
            ["TotalExpert:Coordination:FallbackShare"] = "0.1",
        }).Build();
        var services = new ServiceCollection()
            .AddTotalExpert(configuration.GetSection("TotalExpert"))
            .UseRedis(configuration.GetSection("TotalExpert:Coordination"));

        await using (var first = services.BuildServiceProvider())
        await using (var second = services.BuildServiceProvider())
        {
            Assert.IsType<RedisTokenStore>(first.GetRequiredService<ITokenStore>());
            Assert.Equal(0.1, first.GetRequiredService<RedisCoordination>().Options.FallbackShare);
            await Task.WhenAll(
                first.GetRequiredService<IContactsClient>().ListContactsAsync(1, 1, null, null),
                second.GetRequiredService<IContactsClient>().ListContactsAsync(1, 1, null, null));
            Assert.NotNull(first.GetRequiredService<TotalExpertConnection>().RateLimiter.Shared);
        }

        Assert.Equal(1, sandbox.Inspector.GetRequestStats().TokenRequests);
    }

    [Theory]
    [MemberData(nameof(RedisBackends.All), MemberType = typeof(RedisBackends))]
    public async Task UseRedis_without_a_connection_string_uses_the_applications_multiplexer_and_leaves_it_open(string backend)
    {
        using var redis = RedisBackends.Connect(backend);
        var services = new ServiceCollection()
            .AddSingleton<IConnectionMultiplexer>(redis)
            .UseRedis(o => o.KeyPrefix = RedisBackends.Prefix())
            .AddTotalExpert(o => { o.ClientId = "id"; o.ClientSecret = "secret"; });

        await using (var provider = services.BuildServiceProvider())
        {
            var store = provider.GetRequiredService<ITokenStore>();
            await store.SetAsync("tegen:token:t", "value", DateTimeOffset.UtcNow.AddMinutes(1));
            Assert.Equal("value", await store.GetAsync("tegen:token:t"));
            Assert.IsType<TeRateLimiterRegistry>(provider.GetRequiredService<TeRateLimiterRegistry>());
        }

        Assert.True(redis.IsConnected);
    }

    [Theory]
    [MemberData(nameof(RedisBackends.All), MemberType = typeof(RedisBackends))]
    public async Task Tokens_are_encrypted_in_Redis_when_a_data_protection_provider_is_registered(string backend)
    {
        using var redis = RedisBackends.Connect(backend);
        var prefix = RedisBackends.Prefix();
        var services = new ServiceCollection()
            .AddSingleton<IConnectionMultiplexer>(redis)
            .AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider())
            .UseRedis(o => o.KeyPrefix = prefix);
        await using var provider = services.BuildServiceProvider();
        var store = provider.GetRequiredService<RedisCoordination>().TokenStore;

        await store.SetAsync("tegen:token:p", "{\"AccessToken\":\"secret-bearer\"}", DateTimeOffset.UtcNow.AddMinutes(1));

        var raw = (string?)await redis.GetDatabase().StringGetAsync(prefix + "tegen:token:p");
        Assert.DoesNotContain("secret-bearer", raw);
        Assert.Equal("{\"AccessToken\":\"secret-bearer\"}", await store.GetAsync("tegen:token:p"));
    }

    [Theory]
    [MemberData(nameof(RedisBackends.All), MemberType = typeof(RedisBackends))]
    public async Task Keys_are_namespaced_and_name_neither_the_secret_nor_the_client_id(string backend)
    {
        await using var sandbox = await TeSandbox.StartAsync();
        var prefix = RedisBackends.Prefix();
        using (var coordination = RedisCoordination.Connect(new RedisCoordinationOptions { ConnectionString = RedisBackends.Endpoint(backend), KeyPrefix = prefix }))
        using (var connection = new TotalExpertConnection(
            new TotalExpertClientOptions { BaseUrl = sandbox.BaseUrl, ClientId = sandbox.ClientId, ClientSecret = sandbox.ClientSecret, Egress = "egress-1" },
            coordination.TokenStore,
            rateLimiters: coordination.CreateRateLimiters()))
        {
            await connection.CreateAdminClient().Contacts.ListContactsAsync(1, 1, null, null);
        }

        using var redis = RedisBackends.Connect(backend);
        var keys = redis.GetServers().Single().Keys(pattern: prefix + "*").Select(k => k.ToString()).ToList();
        Assert.Contains(keys, k => k.StartsWith(prefix + "tegen:token:", StringComparison.Ordinal));
        Assert.Contains(keys, k => k.StartsWith(prefix + "tegen:budget:", StringComparison.Ordinal));
        Assert.Contains(keys, k => k.StartsWith(prefix + "tegen:limiter:{egress-1|", StringComparison.Ordinal));
        Assert.All(keys, k => Assert.DoesNotContain(sandbox.ClientSecret, k));
        Assert.All(keys, k => Assert.DoesNotContain(sandbox.ClientId, k));
    }
}
