using TeGen.Sandbox.Tests.Support;

namespace TeGen.Sandbox.Tests.Tenancy;

// TE counts its limits per source IP: a partner serving many organizations from one egress shares them all.
public sealed class SharedLimitTests
{
    private const string ClientCredentials = """{"grant_type":"client_credentials"}""";

    [Fact]
    public async Task Requests_of_every_organization_from_one_IP_count_toward_one_request_limit()
    {
        await using var api = await FiveOrganizations.StartAsync(options =>
        {
            options.TimeProvider = TestClock.At8();
            options.RateLimits.RequestLimit = 4;
        });
        var (a, b) = (api.Sandbox.Organizations[1], api.Sandbox.Organizations[2]);

        var tokenA = await api.AdminTokenAsync(organization: a);
        var tokenB = await api.AdminTokenAsync(organization: b);
        (await api.GetAsync("v1/users", tokenA)).Expect(200);
        (await api.GetAsync("v1/users", tokenB)).Expect(200);

        (await api.GetAsync("v1/users", tokenA)).Expect(429);
        (await api.GetAsync("v1/users", tokenB)).Expect(429);
        var c = api.Sandbox.Organizations[3];
        (await api.RequestTokenAsync(ClientCredentials, c.ClientId, c.ClientSecret)).Expect(429);
    }

    [Fact]
    public async Task The_third_token_request_of_three_organizations_from_one_IP_within_the_hour_is_refused()
    {
        var clock = TestClock.At8();
        await using var api = await FiveOrganizations.StartAsync(options =>
        {
            options.TimeProvider = clock;

            // TE's limit (TestApi raises it for tests about other things); counted per source IP by default.
            options.RateLimits.TokenRequestLimit = 2;
        });
        var orgs = api.Sandbox.Organizations;
        using var otherIp = api.ClientFrom("127.0.0.2");

        (await api.RequestTokenAsync(ClientCredentials, orgs[0].ClientId, orgs[0].ClientSecret)).Expect(200);
        clock.Advance(TimeSpan.FromMinutes(20));
        (await api.RequestTokenAsync(ClientCredentials, orgs[1].ClientId, orgs[1].ClientSecret)).Expect(200);
        clock.Advance(TimeSpan.FromMinutes(20));

        Assert.Equal("1200", (await api.RequestTokenAsync(ClientCredentials, orgs[2].ClientId, orgs[2].ClientSecret)).Expect(429).RetryAfter);
        (await api.RequestTokenAsync(ClientCredentials, orgs[2].ClientId, orgs[2].ClientSecret, otherIp)).Expect(200);

        // The first token leaves the rolling hour at 09:00.
        clock.Advance(TimeSpan.FromMinutes(20));
        (await api.RequestTokenAsync(ClientCredentials, orgs[2].ClientId, orgs[2].ClientSecret)).Expect(200);
    }
}
