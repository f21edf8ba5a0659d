using TeGen.Client.Http;
using TeGen.Sandbox;

namespace TeGen.Client.Tests.Partners;

/// <summary>
/// One organization's bulk sync does not hold another organization's calls behind it: the egress's permits are shared
/// per organization (and by priority), end to end through the partner hub and the sandbox. Order, not time, is
/// asserted: the sandbox's log shows where the interactive calls went in the bulk backlog.
/// </summary>
public class FairShareTests
{
    private const int Backlog = 120;
    private const int Limit = 40;

    private static async Task<(TeSandbox Sandbox, TotalExpertPartner Partner)> StartAsync(Action<Dictionary<string, string?>>? more = null)
    {
        var organizations = SandboxOrganization.Many(2);
        var sandbox = await TeSandbox.StartAsync(new TeSandboxOptions
        {
            Organizations = organizations,
            CreateMissingContactGroups = true,
            RateLimits = new() { RequestLimit = Limit, RequestWindow = TimeSpan.FromSeconds(1), CountTokenRequestsAsRequests = false },
        });
        var partner = TotalExpertPartner.FromConfiguration(PartnerHubTests.Configuration(sandbox, organizations, v =>
        {
            v["TotalExpert:RateLimit:RequestsPerWindow"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
            v["TotalExpert:RateLimit:Window"] = "00:00:01";
            v["TotalExpert:RateLimit:SafetyMargin"] = "00:00:00.050";
            v["TotalExpert:Retry:MaxTotalTime"] = "00:02:00";
            more?.Invoke(v);
        }));
        return (sandbox, partner);
    }

    // Queues the bulk organization's backlog, then makes the interactive organization's calls one after the other;
    // returns how many bulk requests TE had served when the last interactive call was served.
    private static Task<int> BulkServedBeforeLastInteractiveCallAsync(TeSandbox sandbox, TotalExpertPartner partner, Func<Task<IReadOnlyList<Task>>> queueBulk) =>
        BulkServedBeforeLastInteractiveCallAsync(sandbox, partner.ForOrganization("org"), partner.ForOrganization("org-2"), queueBulk);

    private static async Task<int> BulkServedBeforeLastInteractiveCallAsync(TeSandbox sandbox, TotalExpertClient bulkOrganization, TotalExpertClient interactiveOrganization, Func<Task<IReadOnlyList<Task>>> queueBulk)
    {
        // Both organizations hold their token first, so only the request limit is in play.
        await bulkOrganization.Contacts.ListContactsAsync(1, 1, null, null);
        await interactiveOrganization.Contacts.ListContactsAsync(1, 1, null, null);
        var bulk = await queueBulk();
        await Support.Eventually.TrueAsync(() => bulkOrganization.Connection.RateLimiter.GetStatistics()!.CurrentQueuedCount > Backlog / 2);

        for (var i = 0; i < 5; i++)
        {
            await interactiveOrganization.Contacts.ListContactsAsync(1, 1, null, null);
        }

        await Task.WhenAll(bulk);
        var log = sandbox.Inspector.GetRequestStats().Recent.Where(r => r.Path == "/v1/contacts").ToList();
        var lastInteractive = log.FindLastIndex(r => r.Method == "GET" && r.ClientId == "tegen-sandbox-client-2");
        return log.Take(lastInteractive).Count(r => r.Method == "POST");
    }

    private static NewContact Contact(int n) => new() { Source = "Bulk sync", FirstName = "Bulk" + n, LastName = "Lee", Email = $"bulk{n}@example.com" };

    [Fact]
    public async Task Interactive_calls_of_one_organization_are_served_amid_another_organization_s_bulk_backlog()
    {
        var (sandbox, partner) = await StartAsync();
        await using var _ = sandbox;
        using var __ = partner;

        var served = await BulkServedBeforeLastInteractiveCallAsync(sandbox, partner, () =>
            Task.FromResult<IReadOnlyList<Task>>([.. Enumerable.Range(0, Backlog).Select(n => partner.ForOrganization("org").Contacts.CreateContactAsync(Contact(n)))]));

        // First come, first served would put the whole backlog first; shared by organization (and paced), the five
        // interactive calls are served within a few slots of the first window's 40 bulk requests.
        Assert.InRange(served, 0, Limit + 10);
        Assert.Equal(0, sandbox.Inspector.GetRequestStats().TooManyRequests);
        Assert.Equal(Backlog, sandbox.Inspector.GetState().Contacts.Count);
    }

    [Fact]
    public async Task A_bulk_scope_yields_to_normal_calls_even_of_a_heavier_weighted_organization()
    {
        var (sandbox, partner) = await StartAsync(v => v["TotalExpert:Organizations:org:RateLimit:Weight"] = "50");
        await using var _ = sandbox;
        using var __ = partner;

        var served = await BulkServedBeforeLastInteractiveCallAsync(sandbox, partner, () =>
        {
            using (TotalExpertCallOptions.Use(new() { Priority = TeRequestPriority.Bulk }))
            {
                return Task.FromResult<IReadOnlyList<Task>>([.. Enumerable.Range(0, Backlog).Select(n => partner.ForOrganization("org").Contacts.CreateContactAsync(Contact(n)))]);
            }
        });

        // At weight 50 to 1 as Normal traffic the interactive calls would wait behind about 50 bulk requests each; as
        // Bulk, the backlog yields to each of them.
        Assert.InRange(served, 0, Limit + 10);
        Assert.Equal(Backlog, sandbox.Inspector.GetState().Contacts.Count);
    }

    [Fact]
    public async Task Connections_of_two_credentials_built_by_hand_on_one_limiter_are_served_fairly_too()
    {
        var (sandbox, partner) = await StartAsync();
        await using var _ = sandbox;
        using var __ = partner;
        var store = new TeGen.Client.Auth.InMemoryTokenStore();
        var limiters = new TeRateLimiterRegistry();
        TotalExpertConnection Connect(string organization) => new(partner.Connection(organization).Options, store, rateLimiters: limiters);
        using var bulkConnection = Connect("org");
        using var interactiveConnection = Connect("org-2");
        var bulkClient = bulkConnection.CreateAdminClient();

        var served = await BulkServedBeforeLastInteractiveCallAsync(sandbox, bulkClient, interactiveConnection.CreateAdminClient(), () =>
            Task.FromResult<IReadOnlyList<Task>>([.. Enumerable.Range(0, Backlog).Select(n => bulkClient.Contacts.CreateContactAsync(Contact(n)))]));

        // Each connection is its client id's tenant of the shared limiter.
        Assert.InRange(served, 0, Limit + 10);
    }

    [Fact]
    public void Call_scopes_nest_and_restore_and_refuse_invalid_settings()
    {
        Assert.Null(TotalExpertCallOptions.Current);
        using (TotalExpertCallOptions.Use(new() { Priority = TeRequestPriority.Bulk, AttemptTimeout = TimeSpan.FromSeconds(5) }))
        {
            using (TotalExpertCallOptions.Use(new() { AttemptTimeout = TimeSpan.FromSeconds(1) }))
            {
                Assert.Equal(TeRequestPriority.Bulk, TotalExpertCallOptions.Current!.Priority);
                Assert.Equal(TimeSpan.FromSeconds(1), TotalExpertCallOptions.Current.AttemptTimeout);
            }

            Assert.Equal(TimeSpan.FromSeconds(5), TotalExpertCallOptions.Current!.AttemptTimeout);
        }

        Assert.Null(TotalExpertCallOptions.Current);
        var e = Assert.Throws<ArgumentException>(() => TotalExpertCallOptions.Use(new() { Retry = new RetryHandlerOptions { MaxRetries = -1 } }));
        Assert.Contains("Retry:MaxRetries", e.Message);
        Assert.Throws<ArgumentException>(() => TotalExpertCallOptions.Use(new() { AttemptTimeout = TimeSpan.Zero }));
        Assert.Null(TotalExpertCallOptions.Current);
    }
}
