using TeGen.Client.Tests.Support;
using TeGen.Sandbox;

namespace TeGen.Client.Tests.Resources;

/// <summary>An organization uses lead opportunities or ALM leads, never both: refused before sending when known, typed when TE refuses.</summary>
public class LeadFamilyClientTests
{
    private static readonly NewLeadOpportunity Opportunity = new() { FirstName = "Ann", LastName = "Lee", Email = "ann@example.com", Source = "Web" };

    private static NewAlmLead Lead() => new() { FirstName = "Ann", LastName = "Lee", Email = "ann@example.com", Source = "Web" };

    private static int Sent(TeSandbox sandbox, string path) =>
        sandbox.Inspector.GetRequestStats().Recent.Count(r => r.Path.StartsWith(path, StringComparison.Ordinal));

    [Fact]
    public async Task After_a_lead_opportunity_call_succeeded_the_connection_refuses_alm_leads_before_sending()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        await connection.CreateAdminClient().LeadOpportunities.CreateLeadOpportunityAsync(Opportunity);

        var refused = await Assert.ThrowsAsync<TotalExpertLeadFamilyException>(() => connection.CreateAdminClient().AlmLeads.CreateAlmLeadAsync(Lead()));
        var read = await Assert.ThrowsAsync<TotalExpertLeadFamilyException>(() => connection.CreateAdminClient().AlmLeads.GetAlmLeadAsync(1));

        Assert.Equal((0, false), (refused.StatusCode, refused.MayHaveBeenProcessed));
        Assert.Equal((LeadFamilies.AlmLeads, LeadFamilies.LeadOpportunities), (refused.Family, refused.FamilyInUse));
        Assert.Contains("CreateAlmLead was not sent", refused.Message, StringComparison.Ordinal);
        Assert.Equal("GET /v1/leads/{lead_id}", read.Operation);
        Assert.Equal(0, Sent(sandbox, "/v1/leads"));
        Assert.Single(await connection.CreateAdminClient().LeadOpportunities.ListAllLeadOpportunitiesAsync().ToListAsync());
    }

    [Fact]
    public async Task After_an_alm_lead_call_succeeded_the_connection_refuses_lead_opportunities_before_sending()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var admin = connection.CreateAdminClient();
        await admin.AlmLeads.CreateAlmLeadAsync(Lead());

        var refused = await Assert.ThrowsAsync<TotalExpertLeadFamilyException>(() => admin.LeadOpportunities.ListAllLeadOpportunitiesAsync().ToListAsync().AsTask());

        Assert.Equal((LeadFamilies.LeadOpportunities, 0), (refused.Family, refused.StatusCode));
        Assert.Equal(0, Sent(sandbox, "/v1/lead-opportunities"));
    }

    [Fact]
    public async Task A_connection_that_has_not_seen_the_family_sends_and_gets_a_typed_error_from_TE_without_remembering_it()
    {
        await using var sandbox = await TeSandbox.StartAsync(new TeSandboxOptions { LeadFamilies = SandboxLeadFamilies.AlmLeads });
        using var connection = SandboxClients.Connect(sandbox);
        var admin = connection.CreateAdminClient();

        var first = await Assert.ThrowsAsync<TotalExpertLeadFamilyException>(() => admin.LeadOpportunities.CreateLeadOpportunityAsync(Opportunity));
        await Assert.ThrowsAsync<TotalExpertLeadFamilyException>(() => admin.LeadOpportunities.GetLeadOpportunityAsync(Guid.NewGuid().ToString()));

        Assert.Equal((403, LeadFamilies.AlmLeads), (first.StatusCode, first.FamilyInUse));
        Assert.Contains("ALM leads", first.TeError, StringComparison.Ordinal);
        Assert.Equal(2, Sent(sandbox, "/v1/lead-opportunities"));
        await admin.AlmLeads.CreateAlmLeadAsync(Lead());
    }

    [Fact]
    public async Task A_user_session_keeps_its_own_memory_since_users_of_one_credential_may_be_in_other_organizations()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        await connection.CreateAdminClient().AlmLeads.CreateAlmLeadAsync(Lead());
        var user = await connection.AuthorizationCode.ExchangeCodeAsync("jane", await UserSessions.AuthorizeAsync(sandbox, connection), UserSessions.RedirectUri);

        var fromTe = await Assert.ThrowsAsync<TotalExpertLeadFamilyException>(() => user.LeadOpportunities.CreateLeadOpportunityAsync(Opportunity));
        await user.AlmLeads.CreateAlmLeadAsync(Lead());
        var unsent = await Assert.ThrowsAsync<TotalExpertLeadFamilyException>(() => user.LeadOpportunities.CreateLeadOpportunityAsync(Opportunity));

        Assert.Equal((403, 0), (fromTe.StatusCode, unsent.StatusCode));
        Assert.Equal(1, Sent(sandbox, "/v1/lead-opportunities"));
    }
}
