using TeGen.Client.Auth;
using TeGen.Client.Http;
using TeGen.Sandbox;

namespace TeGen.Client.Tests.Auth;

/// <summary>
/// TE counts its 2 token requests per hour per source IP, not per client: the customer organizations a partner serves
/// from one egress share one budget. The sandbox counts the same way, so a fourth organization's token request that
/// TeGen let through would come back as a 429.
/// </summary>
public class EgressTokenBudgetTests
{
    private static SandboxOrganization Organization(int n) => new()
    {
        Name = $"Customer {n}",
        ClientId = $"customer-{n}",
        ClientSecret = $"secret-{n}",
        Scopes = ["leadInteraction"],
        Users = [new() { Id = 500 + n, Email = $"owner{n}@customer{n}.example", Username = $"owner-{n}" }],
    };

    private static TotalExpertConnection Connect(TeSandbox sandbox, SandboxOrganization organization, ITokenStore store, TeRateLimiterRegistry limiters, TokenLimitScope countedPer) =>
        new(new TotalExpertClientOptions
        {
            BaseUrl = sandbox.BaseUrl,
            ClientId = organization.ClientId,
            ClientSecret = organization.ClientSecret,
            Tokens = { CountedPer = countedPer },
        }, store, rateLimiters: limiters);

    [Fact]
    public async Task Organizations_on_one_egress_share_two_token_requests_an_hour_and_the_rest_are_refused_typed_not_429()
    {
        var organizations = Enumerable.Range(1, 5).Select(Organization).ToList();
        await using var sandbox = await TeSandbox.StartAsync(new TeSandboxOptions { Organizations = organizations });
        var store = new InMemoryTokenStore();
        var limiters = new TeRateLimiterRegistry();
        var connections = organizations.Select(o => Connect(sandbox, o, store, limiters, TokenLimitScope.Egress)).ToList();

        var calls = await Task.WhenAll(connections.Select(async c =>
        {
            try
            {
                await c.CreateAdminClient().Contacts.ListContactsAsync(1, 1, null, null);
                return null;
            }
            catch (TokenBudgetExceededException e)
            {
                return e;
            }
        }));

        var stats = sandbox.Inspector.GetRequestStats();
        Assert.Equal(2, stats.TokenRequests);
        Assert.Equal(0, stats.TooManyRequests);
        Assert.Equal(2, calls.Count(e => e is null));
        Assert.All(calls.OfType<TokenBudgetExceededException>(), e => Assert.True(e.NextAllowedAt > DateTimeOffset.UtcNow.AddMinutes(59), e.Message));
        connections.ForEach(c => c.Dispose());
    }

    [Fact]
    public async Task Counted_per_client_id_on_both_sides_each_organization_has_its_own_budget()
    {
        var organizations = Enumerable.Range(1, 3).Select(Organization).ToList();
        await using var sandbox = await TeSandbox.StartAsync(new TeSandboxOptions
        {
            Organizations = organizations,
            RateLimits = new RateLimitOptions { TokenRequestsCountedPer = TokenLimitCounter.ClientId },
        });
        var store = new InMemoryTokenStore();
        var limiters = new TeRateLimiterRegistry();
        var connections = organizations.Select(o => Connect(sandbox, o, store, limiters, TokenLimitScope.ClientId)).ToList();

        await Task.WhenAll(connections.Select(c => c.CreateAdminClient().Contacts.ListContactsAsync(1, 1, null, null)));

        Assert.Equal(3, sandbox.Inspector.GetRequestStats().TokenRequests);
        Assert.Equal(0, sandbox.Inspector.GetRequestStats().TooManyRequests);
        connections.ForEach(c => c.Dispose());
    }

    [Fact]
    public void The_budget_key_names_the_egress_and_holds_no_secret()
    {
        var options = new TotalExpertClientOptions { ClientId = "customer-1", ClientSecret = "secret-1", Egress = "egress-a" };
        var other = new TotalExpertClientOptions { ClientId = "customer-2", ClientSecret = "secret-2", Egress = "egress-a" };

        Assert.Equal(TokenStoreKeys.Budget(options), TokenStoreKeys.Budget(other));
        Assert.NotEqual(TokenStoreKeys.Budget(options), TokenStoreKeys.Budget(new TotalExpertClientOptions { ClientId = "customer-1", ClientSecret = "s", Egress = "egress-b" }));
        Assert.DoesNotContain("customer-1", TokenStoreKeys.Budget(options));
        Assert.DoesNotContain("secret-1", TokenStoreKeys.Budget(options));
    }
}
