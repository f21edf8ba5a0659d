using TeGen.Client.Tests.Support;
using TeGen.Sandbox;

namespace TeGen.Client.Tests.Resources;

/// <summary>ALM leads through the generated client, against a sandbox over loopback.</summary>
public class AlmLeadClientTests
{
    private static NewAlmLead Lead(string first = "Ann", OwnerRef? owner = null) => new()
    {
        FirstName = first,
        LastName = "Lee",
        Email = $"{first.ToLowerInvariant()}@example.com",
        Phone = "(612) 555-0101",
        Source = "Rate table",
        Owner = owner,
        LeadOpportunity = new AlmLeadOpportunity { LoanPurpose = "Refinance", LoanAmount = 320_000, IsVeteran = false },
        LeadOpportunityOffers = [new AlmLeadOffer { LenderName = "Acme Lending", InterestRate = 6.125, TermMonths = 360, IsSelected = false }],
    };

    [Fact]
    public async Task A_lead_is_created_with_its_contact_read_and_updated_with_booleans_te_accepts()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var admin = connection.CreateAdminClient();

        var created = await admin.AlmLeads.CreateAlmLeadAsync(Lead(owner: OwnerRef.ById(sandbox.Users[1].Id)));
        var update = await admin.AlmLeads.UpdateAlmLeadAsync(new AlmLeadUpdate
        {
            Status = "Working",
            LeadOpportunity = new AlmLeadOpportunity { IsVeteran = true, IsFirstTimeBuyer = false },
            LeadOpportunityOffers = [new AlmLeadOffer { LenderName = "Globex", IsSelected = true }],
        }, created.LeadId);
        var lead = await admin.AlmLeads.GetAlmLeadAsync(created.LeadId);
        var contact = await admin.Contacts.GetContactAsync(created.ContactId);

        Assert.Equal("Successfully updated lead.", update.Message);
        Assert.Equal((created.LeadId, created.ContactId, "Working"), (lead.Id, lead.ContactId, lead.Status));
        Assert.Equal(sandbox.Users[1].Id, lead.Owner!.Id);
        Assert.Equal((true, false, "Refinance"), (lead.LeadOpportunity!.IsVeteran, lead.LeadOpportunity.IsFirstTimeBuyer, lead.LeadOpportunity.LoanPurpose));
        Assert.True(Assert.Single(lead.LeadOpportunityOffers!).IsSelected);
        Assert.Equal(("Ann", "(612) 555-0101"), (contact.FirstName, contact.PhoneCell));
        Assert.NotNull(lead.CreatedAt);
    }

    [Fact]
    public async Task As_user_the_caller_owns_the_lead_and_a_second_lead_for_the_same_person_shares_the_contact()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var user = await connection.AuthorizationCode.ExchangeCodeAsync("jane", await UserSessions.AuthorizeAsync(sandbox, connection), UserSessions.RedirectUri);

        var first = await user.AlmLeads.CreateAlmLeadAsync(Lead());
        var second = await user.AlmLeads.CreateAlmLeadAsync(Lead());

        Assert.Equal(first.ContactId, second.ContactId);
        Assert.NotEqual(first.LeadId, second.LeadId);
        Assert.Equal(sandbox.Users[0].Id, (await user.AlmLeads.GetAlmLeadAsync(first.LeadId)).Owner!.Id);
    }

    [Fact]
    public async Task Each_rule_is_refused_before_sending_and_an_unknown_owner_by_te()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var leads = connection.CreateAdminClient().AlmLeads;

        async Task<string> RefusedAsync(NewAlmLead lead) => (await Assert.ThrowsAsync<TotalExpertRequestValidationException>(() => leads.CreateAlmLeadAsync(lead))).Field;

        Assert.Equal("first_name", await RefusedAsync(Lead().With(l => l.FirstName = "")));
        Assert.Equal("last_name", await RefusedAsync(Lead().With(l => l.LastName = null)));
        Assert.Equal("source", await RefusedAsync(Lead().With(l => l.Source = null)));
        Assert.Equal("email", await RefusedAsync(Lead().With(l => (l.Email, l.Phone) = (null, " "))));
        Assert.Equal("owner", await RefusedAsync(Lead(owner: new OwnerRef())));
        Assert.Equal(0, sandbox.Inspector.GetRequestStats().Recent.Count(r => r.Path.StartsWith("/v1/leads", StringComparison.Ordinal)));

        var refused = await Assert.ThrowsAsync<TotalExpertValidationException>(() => leads.CreateAlmLeadAsync(Lead(owner: OwnerRef.ByUsername("nobody"))));
        Assert.Contains("owner", refused.TeError, StringComparison.Ordinal);
    }
}
