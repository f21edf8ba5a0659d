using TeGen.Client.Tests.Support;
using TeGen.Sandbox;
using TeGen.Sandbox.Faults;

namespace TeGen.Client.Tests.Resources;

/// <summary>Campaigns and campaign activity through the generated clients, against a sandbox over loopback.</summary>
public class CampaignClientTests
{
    private static NewCampaignActivity Touch(string campaign, long contact, OwnerRef? owner) => new()
    {
        Campaign = new CampaignRef { Id = campaign },
        Contact = new ContactRef { Id = contact },
        TouchedAt = new DateTimeOffset(2030, 3, 2, 10, 0, 0, TimeSpan.Zero),
        Owner = owner,
    };

    [Fact]
    public async Task A_campaign_is_created_deduplicated_on_its_name_read_and_listed_with_a_typed_filter()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var admin = connection.CreateAdminClient();

        var created = await admin.Campaigns.CreateCampaignAsync(new NewCampaign
        {
            Name = "Spring Refi", Visible = true, StartDate = new DateTimeOffset(2030, 3, 1, 0, 0, 0, TimeSpan.Zero), Archived = false,
        });
        var again = await admin.Campaigns.CreateCampaignAsync(new NewCampaign { Name = "Spring Refi", Visible = false });
        await admin.Campaigns.CreateCampaignAsync(new NewCampaign { Name = "Welcome", Visible = true });
        var campaign = await admin.Campaigns.GetCampaignAsync(created.Id);
        var hidden = await admin.Campaigns.ListCampaignsAsync(new CampaignFilter { Visible = false });

        Assert.True(created.IsCreated);
        Assert.True(again.IsDuplicate);
        Assert.Equal(created.Id, again.Id);
        Assert.Equal(("Spring Refi", false, new DateTimeOffset(2030, 3, 1, 0, 0, 0, TimeSpan.Zero)), (campaign.Name, campaign.Visible, campaign.StartDate));
        Assert.Equal(created.Id, Assert.Single(hidden.Items).Id);
        Assert.Equal(2, await admin.Campaigns.ListAllCampaignsAsync(pageSize: 1).CountAsync());
        await RequestLog.RefusedAsync(sandbox, "name", () => admin.Campaigns.CreateCampaignAsync(new NewCampaign { Visible = true }));
    }

    [Fact]
    public async Task Campaign_activity_is_recorded_read_filtered_and_deleted_by_the_id_in_the_query()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var admin = connection.CreateAdminClient();
        var campaign = (await admin.Campaigns.CreateCampaignAsync(new NewCampaign { Name = "Welcome" })).Id;
        var contact = (await admin.Contacts.CreateContactAsync(SandboxClients.Contact(sandbox, 1))).Id;

        var first = await admin.CampaignActivity.CreateCampaignActivityAsync(Touch(campaign, contact, OwnerRef.ById(sandbox.Users[0].Id)));
        var second = await admin.CampaignActivity.CreateCampaignActivityAsync(Touch(campaign, contact, OwnerRef.ById(sandbox.Users[0].Id)));
        var activity = await admin.CampaignActivity.GetCampaignActivityAsync(first.Id);
        var listed = await admin.CampaignActivity.ListCampaignActivitiesAsync(new CampaignActivityFilter { CampaignId = campaign, ContactId = contact });
        await admin.CampaignActivity.DeleteCampaignActivityAsync(second.Id);

        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal((campaign, "Welcome", contact), (activity.Campaign!.Id, activity.Campaign.Name, activity.Contact!.Id));
        Assert.Equal(sandbox.Users[0].Id, activity.Owner!.Id);
        Assert.Equal(new DateTimeOffset(2030, 3, 2, 10, 0, 0, TimeSpan.Zero), activity.TouchedAt);
        Assert.Equal(2, listed.Items.Count);
        await Assert.ThrowsAsync<TotalExpertNotFoundException>(() => admin.CampaignActivity.GetCampaignActivityAsync(second.Id));
    }

    [Fact]
    public async Task As_admin_campaign_activity_needs_an_owner_and_a_campaign_and_contact_before_sending_and_the_sandbox_refuses_them_too()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var admin = connection.CreateAdminClient();
        var campaign = (await admin.Campaigns.CreateCampaignAsync(new NewCampaign { Name = "Welcome" })).Id;

        await RequestLog.RefusedAsync(sandbox, "owner", () => admin.CampaignActivity.CreateCampaignActivityAsync(Touch(campaign, 1, owner: null)));
        await RequestLog.RefusedAsync(sandbox, "contact", () => admin.CampaignActivity.CreateCampaignActivityAsync(new NewCampaignActivity { Campaign = new CampaignRef { Id = campaign }, Owner = OwnerRef.ById(101) }));
        var unknown = await Assert.ThrowsAsync<TotalExpertValidationException>(() =>
            admin.CampaignActivity.CreateCampaignActivityAsync(Touch("0000000000000000", 1, OwnerRef.ById(sandbox.Users[0].Id))));
        Assert.Contains("'campaign'", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_5xx_on_a_campaign_activity_create_is_not_retried_while_a_deduplicated_campaign_create_is()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var admin = connection.CreateAdminClient();
        var campaign = (await admin.Campaigns.CreateCampaignAsync(new NewCampaign { Name = "Welcome" })).Id;
        var contact = (await admin.Contacts.CreateContactAsync(SandboxClients.Contact(sandbox, 1))).Id;

        sandbox.Faults.Set(new FaultSettings { Rules = [FaultRule.ServerErrors(1, 503).For("POST", "/v1/campaign-activity") with { Count = 1 }] });
        var failed = await Assert.ThrowsAsync<TotalExpertServerException>(() =>
            admin.CampaignActivity.CreateCampaignActivityAsync(Touch(campaign, contact, OwnerRef.ById(sandbox.Users[0].Id))));
        sandbox.Faults.Set(new FaultSettings { Rules = [FaultRule.ServerErrors(1, 503).For("POST", "/v1/campaigns") with { Count = 1 }] });
        var retried = await admin.Campaigns.CreateCampaignAsync(new NewCampaign { Name = "Welcome", Visible = true });

        Assert.True(failed.MayHaveBeenProcessed);
        Assert.Equal(1, SandboxClients.Sent(sandbox, "POST", "/v1/campaign-activity"));
        Assert.Equal(campaign, retried.Id);
        Assert.Equal(3, SandboxClients.Sent(sandbox, "POST", "/v1/campaigns"));
    }
}
