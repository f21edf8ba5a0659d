using TeGen.Sandbox.Tests.Support;

namespace TeGen.Sandbox.Tests.Limits;

public sealed class RateLimitTests
{
    private const string ClientCredentials = """{"grant_type":"client_credentials"}""";

    [Fact]
    public void The_defaults_are_1000_requests_a_minute_and_2_token_requests_an_hour()
    {
        var limits = new TeSandboxOptions().RateLimits;

        Assert.Equal((1000, TimeSpan.FromMinutes(1), 2, TimeSpan.FromHours(1)), (limits.RequestLimit, limits.RequestWindow, limits.TokenRequestLimit, limits.TokenWindow));
        Assert.True(limits.Enabled);
        Assert.True(limits.CountTokenRequestsAsRequests);
    }

    [Fact]
    public async Task The_default_request_limit_refuses_request_1001_of_a_minute()
    {
        var clock = TestClock.At8();
        await using var api = await TestApi.StartAsync(options => options.TimeProvider = clock);

        for (var i = 0; i < 1000; i++)
        {
            (await api.GetAsync("v1/heartbeat", null)).Expect(200);
        }

        (await api.GetAsync("v1/heartbeat", null)).Expect(429);
    }

    [Fact]
    public async Task The_request_window_is_fixed_and_aligned_on_the_clock()
    {
        var clock = TestClock.At8(45);
        await using var api = await StartAsync(clock, requestLimit: 3);

        for (var i = 0; i < 3; i++)
        {
            (await api.GetAsync("v1/heartbeat", null)).Expect(200);
        }

        var refused = (await api.GetAsync("v1/heartbeat", null)).Expect(429);
        Assert.Equal("15", refused.RetryAfter);
        Assert.Contains("3", refused.Error, StringComparison.Ordinal);

        // 08:00:59.999 is still the same minute; 08:01:00 starts a fresh one (not 60 s after the first request).
        clock.Advance(TimeSpan.FromSeconds(15) - TimeSpan.FromMilliseconds(1));
        (await api.GetAsync("v1/heartbeat", null)).Expect(429);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        (await api.GetAsync("v1/heartbeat", null)).Expect(200);
    }

    [Theory]
    [InlineData(TokenLimitCounter.SourceIp, 429)]
    [InlineData(TokenLimitCounter.ClientId, 200)]
    public async Task The_token_limit_is_shared_by_every_client_of_a_source_IP_unless_counted_per_client(TokenLimitCounter countedPer, int thirdStatus)
    {
        var second = new SandboxOrganization { Name = "Second", ClientId = "second-client", ClientSecret = "second-secret", Scopes = ["leadInteraction"] };
        await using var api = await TestApi.StartAsync(o =>
        {
            o.Organizations.Add(second);
            o.RateLimits.TokenRequestLimit = 2;
            o.RateLimits.TokenRequestsCountedPer = countedPer;
        });

        (await api.RequestTokenAsync(ClientCredentials)).Expect(200);
        (await api.RequestTokenAsync(ClientCredentials)).Expect(200);

        // A third request, from another organization's client on the same IP.
        (await api.RequestTokenAsync(ClientCredentials, second.ClientId, second.ClientSecret)).Expect(thirdStatus);
    }

    [Fact]
    public async Task Token_requests_use_a_rolling_hour()
    {
        var clock = TestClock.At8();
        await using var api = await StartAsync(clock, tokenLimit: 2);

        (await api.RequestTokenAsync(ClientCredentials)).Expect(200);
        clock.Advance(TimeSpan.FromMinutes(20));
        (await api.RequestTokenAsync(ClientCredentials)).Expect(200);
        clock.Advance(TimeSpan.FromMinutes(10));
        var refused = (await api.RequestTokenAsync(ClientCredentials)).Expect(429);
        Assert.Equal("1800", refused.RetryAfter);
        Assert.NotNull(refused.Error);

        // The first request leaves the window at 09:00; the second only at 09:20.
        clock.Advance(TimeSpan.FromMinutes(30));
        (await api.RequestTokenAsync(ClientCredentials)).Expect(200);
        Assert.Equal("1200", (await api.RequestTokenAsync(ClientCredentials)).Expect(429).RetryAfter);
    }

    [Fact]
    public async Task Refused_token_requests_do_not_use_up_the_allowance()
    {
        var clock = TestClock.At8();
        await using var api = await StartAsync(clock, tokenLimit: 2);
        (await api.RequestTokenAsync(ClientCredentials)).Expect(200);
        (await api.RequestTokenAsync(ClientCredentials)).Expect(200);
        for (var i = 0; i < 3; i++)
        {
            (await api.RequestTokenAsync(ClientCredentials)).Expect(429);
        }

        clock.Advance(TimeSpan.FromHours(1));

        (await api.RequestTokenAsync(ClientCredentials)).Expect(200);
        (await api.RequestTokenAsync(ClientCredentials)).Expect(200);
    }

    [Theory]
    [InlineData(true, 429)]
    [InlineData(false, 200)]
    public async Task Whether_token_requests_count_toward_the_request_limit_is_an_option(bool count, int heartbeatStatus)
    {
        await using var api = await TestApi.StartAsync(options =>
        {
            options.RateLimits.RequestLimit = 3;
            options.RateLimits.CountTokenRequestsAsRequests = count;
        });

        for (var i = 0; i < 3; i++)
        {
            (await api.RequestTokenAsync(ClientCredentials)).Expect(200);
        }

        (await api.GetAsync("v1/heartbeat", null)).Expect(heartbeatStatus);
    }

    [Fact]
    public async Task Limits_are_counted_per_source_ip()
    {
        await using var api = await TestApi.StartAsync(options =>
        {
            options.RateLimits.RequestLimit = 2;
            options.RateLimits.TokenRequestLimit = 1;
        });
        using var other = api.ClientFrom("127.0.0.2");

        (await api.GetAsync("v1/heartbeat", null)).Expect(200);
        (await api.RequestTokenAsync(ClientCredentials)).Expect(200);
        (await api.GetAsync("v1/heartbeat", null)).Expect(429);

        (await api.RequestTokenAsync(ClientCredentials, client: other)).Expect(200);
        (await api.SendAsync(HttpMethod.Get, "v1/heartbeat", client: other)).Expect(200);
        (await api.RequestTokenAsync(ClientCredentials, client: other)).Expect(429);

        var byIp = api.Sandbox.Inspector.GetRequestStats().BySourceIp;
        Assert.Equal(1, byIp["127.0.0.1"].TooManyRequests);
        Assert.Equal(1, byIp["127.0.0.2"].TooManyRequests);
    }

    [Fact]
    public async Task Unknown_paths_count_but_sandbox_endpoints_do_not()
    {
        await using var api = await TestApi.StartAsync(options => options.RateLimits.RequestLimit = 2);

        (await api.GetAsync("v1/nowhere", null)).Expect(404);
        for (var i = 0; i < 5; i++)
        {
            (await api.GetAsync("_sandbox/requests", null)).Expect(200);
        }

        (await api.GetAsync("v1/heartbeat", null)).Expect(200);
        (await api.GetAsync("v1/heartbeat", null)).Expect(429);
    }

    [Fact]
    public async Task Limits_can_be_switched_off()
    {
        await using var api = await TestApi.StartAsync(options =>
        {
            options.RateLimits.Enabled = false;
            options.RateLimits.RequestLimit = 1;
            options.RateLimits.TokenRequestLimit = 1;
        });

        for (var i = 0; i < 3; i++)
        {
            (await api.RequestTokenAsync(ClientCredentials)).Expect(200);
        }
    }

    private static Task<TestApi> StartAsync(TimeProvider clock, int requestLimit = 1000, int tokenLimit = 1000) =>
        TestApi.StartAsync(options =>
        {
            options.TimeProvider = clock;
            options.RateLimits.RequestLimit = requestLimit;
            options.RateLimits.TokenRequestLimit = tokenLimit;
        });
}
