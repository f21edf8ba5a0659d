using TeGen.Client.Tests.Support;
using TeGen.Sandbox;

namespace TeGen.Client.Tests.Rules;

public class InsightRulesTests
{
    [Fact]
    public void Names_are_composed_as_prefix_colon_event()
    {
        Assert.Equal("Lending Software: Loan application submitted", InsightTypeNames.Compose("Lending Software", "Loan application submitted"));
        Assert.Equal("Lending Software: Loan application submitted", InsightTypeNames.Compose("Lending Software: ", " Loan application submitted "));
        Assert.Equal("Lending Software: Rate viewed", InsightTypeNames.Compose("Lending Software", "Lending Software: Rate viewed"));
        Assert.True(InsightTypeNames.HasPrefix("Lending Software: Rate viewed", "Lending Software"));
        Assert.False(InsightTypeNames.HasPrefix("Rate viewed", "Lending Software"));
        Assert.False(InsightTypeNames.HasPrefix("Lending Software: ", "Lending Software"));
        Assert.True(InsightTypeNames.HasAnyPrefix("Other Partner: Rate viewed"));
        Assert.False(InsightTypeNames.HasAnyPrefix("Rate viewed"));
        Assert.Throws<ArgumentException>(() => InsightTypeNames.Compose(" : ", "Rate viewed"));
    }

    [Fact]
    public async Task The_client_builds_names_with_the_configured_prefix_and_the_insight_is_stored()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox, o => o.PartnerPrefix = "Acme Lending");
        var admin = connection.CreateAdminClient();
        var contact = await admin.Contacts.CreateContactAsync(SandboxClients.Contact(sandbox, 1));

        var name = admin.InsightTypeName("Loan application submitted");
        var insight = Insight(sandbox, contact.Id, InsightTypeRef.ByName(name));
        insight.Data = new Dictionary<string, object> { ["loan_amount"] = 265000 };
        var created = await admin.Insights.CreateInsightAsync(insight);

        Assert.Equal("Acme Lending: Loan application submitted", name);
        Assert.True(created.IsCreated);
        var stored = Assert.Single(sandbox.Inspector.GetState().Insights);
        Assert.Equal(sandbox.Users[0].Id, stored.OwnerId);
    }

    [Fact]
    public async Task A_type_without_the_configured_prefix_is_refused_before_sending()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox, o => o.PartnerPrefix = "Acme Lending");
        var admin = connection.CreateAdminClient();
        var contact = await admin.Contacts.CreateContactAsync(SandboxClients.Contact(sandbox, 1));

        var refused = await RequestLog.RefusedAsync(sandbox, "type", () => admin.Insights.CreateInsightAsync(Insight(sandbox, contact.Id, InsightTypeRef.ByName("Loan application submitted"))));
        Assert.Contains("\"Acme Lending: <Event>\"", refused.Message);
        Assert.Throws<InvalidOperationException>(() => SandboxClients.Connect(sandbox).CreateAdminClient().InsightTypeName("Rate viewed"));
    }

    [Fact]
    public async Task An_unknown_type_fails_with_the_known_types_read_once_from_insight_types()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var admin = connection.CreateAdminClient();
        var contact = await admin.Contacts.CreateContactAsync(SandboxClients.Contact(sandbox, 1));
        var owner = InsightOwnerRef.ByUsername(sandbox.Users[0].Username);

        var e = await Assert.ThrowsAsync<TotalExpertRequestValidationException>(() => admin.Insights.CreateInsightAsync(Insight(sandbox, contact.Id, InsightTypeRef.ByName("Acme Lending: Loan approved"), owner)));
        await admin.Insights.CreateInsightAsync(Insight(sandbox, contact.Id, InsightTypeRef.ByName("Acme Lending: Mobile app downloaded"), owner));
        await admin.Insights.CreateInsightAsync(Insight(sandbox, contact.Id, InsightTypeRef.ById(3), owner));
        await Assert.ThrowsAsync<TotalExpertRequestValidationException>(() => admin.Insights.CreateInsightAsync(Insight(sandbox, contact.Id, InsightTypeRef.ById(99), owner)));

        Assert.Equal("type", e.Field);
        foreach (var known in sandbox.Organization.InsightTypes)
        {
            Assert.Contains($"\"{known.Type}\"", e.Message);
        }

        Assert.Equal(1, TypeReads(sandbox));
        Assert.Equal(2, sandbox.Inspector.GetRequestStats().Recent.Count(r => r is { Method: "POST", Path: "/v1/insights" }));
        Assert.Equal(2, sandbox.Inspector.GetState().Insights.Count);
    }

    [Fact]
    public async Task A_miss_reads_the_types_again_once_the_refresh_interval_has_passed()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var sandbox = await TeSandbox.StartAsync(new TeSandboxOptions { TimeProvider = time });
        using var connection = SandboxClients.Connect(sandbox, o => o.InsightTypeCacheRefresh = TimeSpan.FromMinutes(1), time: time);
        var admin = connection.CreateAdminClient();
        var contact = await admin.Contacts.CreateContactAsync(SandboxClients.Contact(sandbox, 1));
        var unknown = Insight(sandbox, contact.Id, InsightTypeRef.ByName("Acme Lending: New event"));

        await Assert.ThrowsAsync<TotalExpertRequestValidationException>(() => admin.Insights.CreateInsightAsync(unknown));
        await Assert.ThrowsAsync<TotalExpertRequestValidationException>(() => admin.Insights.CreateInsightAsync(unknown));
        Assert.Equal(1, TypeReads(sandbox));

        time.Advance(TimeSpan.FromMinutes(1));
        await Assert.ThrowsAsync<TotalExpertRequestValidationException>(() => admin.Insights.CreateInsightAsync(unknown));
        Assert.Equal(2, TypeReads(sandbox));
    }

    [Fact]
    public async Task The_check_against_insight_types_can_be_turned_off()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox, o => o.CheckInsightTypes = false);
        var admin = connection.CreateAdminClient();
        var contact = await admin.Contacts.CreateContactAsync(SandboxClients.Contact(sandbox, 1));

        // TE itself then answers for the unknown type.
        await Assert.ThrowsAnyAsync<TotalExpertApiException>(() => admin.Insights.CreateInsightAsync(Insight(sandbox, contact.Id, InsightTypeRef.ByName("Acme Lending: Loan approved"))));
        Assert.Equal(0, TypeReads(sandbox));
    }

    // An insight on the contact, owned by the sandbox's first user unless another owner is given.
    private static NewInsight Insight(TeSandbox sandbox, long contactId, InsightTypeRef type, InsightOwnerRef? owner = null) => new()
    {
        Contact = new ContactRef { Id = contactId },
        Owner = owner ?? InsightOwnerRef.ById(sandbox.Users[0].Id),
        Type = type,
    };

    // How many reads of /v1/insight-types the sandbox has seen.
    private static int TypeReads(TeSandbox sandbox) =>
        sandbox.Inspector.GetRequestStats().Recent.Count(r => r.Path.StartsWith("/v1/insight-types", StringComparison.Ordinal));
}

