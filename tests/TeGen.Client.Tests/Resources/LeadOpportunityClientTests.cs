using TeGen.Client.Tests.Support;
using TeGen.Sandbox;

namespace TeGen.Client.Tests.Resources;

/// <summary>Lead opportunities through the generated client, against a sandbox over loopback.</summary>
public class LeadOpportunityClientTests
{
    private static NewLeadOpportunity Opportunity(int n) => new()
    {
        FirstName = "Ann" + n,
        LastName = "Lee",
        Email = $"ann{n}@example.com",
        Source = n % 2 == 0 ? "Zillow" : "Web",
        LoanPurpose = "Purchase",
        LoanAmount = 250_000 + n,
    };

    private static int Sent(TeSandbox sandbox) =>
        sandbox.Inspector.GetRequestStats().Recent.Count(r => r.Path.StartsWith("/v1/lead-opportunities", StringComparison.Ordinal));

    [Fact]
    public async Task A_lead_opportunity_is_created_with_a_uuid_read_updated_and_listed_in_pages_of_25_by_default()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var admin = connection.CreateAdminClient();
        var contact = await admin.Contacts.CreateContactAsync(SandboxClients.Contact(sandbox, 1));
        var ids = new List<string>();
        for (var n = 1; n <= 26; n++)
        {
            ids.Add((await admin.LeadOpportunities.CreateLeadOpportunityAsync(Opportunity(n))).Id);
        }

        await admin.LeadOpportunities.UpdateLeadOpportunityAsync(new LeadOpportunityUpdate { ContactId = contact.Id, Status = "Contacted" }, ids[0]);
        var opportunity = await admin.LeadOpportunities.GetLeadOpportunityAsync(ids[0]);
        var firstPage = await admin.LeadOpportunities.ListLeadOpportunitiesAsync(null, null, null, null);
        var all = await admin.LeadOpportunities.ListAllLeadOpportunitiesAsync(pageSize: 10).Select(o => o.Id!).ToListAsync();
        var zillow = await admin.LeadOpportunities.ListAllLeadOpportunitiesAsync(filter: "source=Zillow", sort: "-loan_amount").Select(o => o.FirstName).ToListAsync();

        Assert.All(ids, id => Assert.True(Guid.TryParse(id, out _), id));
        Assert.Equal((contact.Id, "Contacted", "Ann1"), (opportunity.ContactId, opportunity.Status, opportunity.FirstName));
        Assert.Equal(250_001, opportunity.LoanAmount);
        Assert.NotNull(opportunity.CreatedAt);
        Assert.Equal((25, 2), (firstPage.Items.Count, firstPage.Links.Last));
        Assert.Equal(ids, all);
        Assert.Equal(13, zillow.Count);
        Assert.Equal("Ann26", zillow[0]);
    }

    [Fact]
    public async Task A_page_past_the_last_and_an_unknown_filter_are_validation_errors_and_an_unknown_id_is_not_found()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var admin = connection.CreateAdminClient();
        await admin.LeadOpportunities.CreateLeadOpportunityAsync(Opportunity(1));

        var outOfRange = await Assert.ThrowsAsync<TotalExpertValidationException>(() => admin.LeadOpportunities.ListLeadOpportunitiesAsync(2, null, null, null));
        var badFilter = await Assert.ThrowsAsync<TotalExpertValidationException>(() => admin.LeadOpportunities.ListLeadOpportunitiesAsync(null, null, "colour=blue", null));
        var missing = await Assert.ThrowsAsync<TotalExpertNotFoundException>(() => admin.LeadOpportunities.GetLeadOpportunityAsync(Guid.NewGuid().ToString()));

        Assert.Equal((422, 400), (outOfRange.StatusCode, badFilter.StatusCode));
        Assert.Contains("not found", missing.TeError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_rule_is_refused_before_sending()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var leads = connection.CreateAdminClient().LeadOpportunities;

        async Task<string> RefusedAsync(Func<Task> call) => (await Assert.ThrowsAsync<TotalExpertRequestValidationException>(call)).Field;

        Assert.Equal("first_name", await RefusedAsync(() => leads.CreateLeadOpportunityAsync(Opportunity(1).With(o => o.FirstName = null))));
        Assert.Equal("last_name", await RefusedAsync(() => leads.CreateLeadOpportunityAsync(Opportunity(1).With(o => o.LastName = " "))));
        Assert.Equal("source", await RefusedAsync(() => leads.CreateLeadOpportunityAsync(Opportunity(1).With(o => o.Source = null))));
        Assert.Equal("email", await RefusedAsync(() => leads.CreateLeadOpportunityAsync(Opportunity(1).With(o => o.Email = null))));
        Assert.Equal("contact_id", await RefusedAsync(() => leads.UpdateLeadOpportunityAsync(new LeadOpportunityUpdate { Status = "Lost" }, Guid.NewGuid().ToString())));
        Assert.Equal(0, Sent(sandbox));

        await leads.CreateLeadOpportunityAsync(Opportunity(1).With(o => (o.Email, o.Phone) = (null, "612.555.0101")));
        Assert.Equal(1, Sent(sandbox));
    }
}
