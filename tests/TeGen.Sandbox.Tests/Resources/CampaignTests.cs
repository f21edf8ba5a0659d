using System.Text.Json.Nodes;
using TeGen.Sandbox.Tests.Support;

namespace TeGen.Sandbox.Tests.Resources;

public sealed class CampaignTests
{
    private static JsonObject Campaign(string name = "Spring Refi") => new()
    {
        ["name"] = name,
        ["visible"] = true,
        ["start_date"] = "2030-03-01 00:00:00",
        ["end_date"] = "2030-05-31 00:00:00",
        ["archived"] = 0,
    };

    private static JsonObject Touch(JsonObject campaign, long contact, string? owner = "jane-doe-acme") => new JsonObject
    {
        ["campaign"] = campaign,
        ["contact"] = Bodies.Ref("id", contact),
        ["touched_at"] = "2030-03-02 10:00:00",
    }.With("owner", owner is null ? null : Bodies.Ref("username", owner));

    [Fact]
    public async Task A_campaign_has_a_hex_id_a_required_name_and_a_create_naming_an_existing_one_updates_it()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();

        (await api.PostAsync("v1/campaigns", token, Campaign().Without("name"))).ExpectError(422, "'name'");
        var id = (await api.PostAsync("v1/campaigns", token, Campaign())).Expect(201).HexId;
        var again = (await api.PostAsync("v1/campaigns", token, Campaign("spring refi").With("visible", false))).Expect(200);

        Assert.Matches("^[0-9a-f]{16}$", id);
        Assert.Equal(id, again.HexId);
        Assert.EndsWith($"/v1/campaigns/{id}", again.Text("duplicate"));
        var campaign = (await api.GetAsync($"v1/campaigns/{id}", token)).Expect(200).Object;
        Assert.False(campaign["visible"]!.GetValue<bool>());
        Assert.Equal("2030-03-01 00:00:00", campaign["start_date"]!.GetValue<string>());
        Assert.Single((await api.GetAsync("v1/campaigns?filter=visible=false", token)).Items);
        Assert.Empty((await api.GetAsync("v1/campaigns?filter=archived=true", token)).Items);
    }

    [Fact]
    public async Task Campaign_activity_names_the_campaign_by_id_or_name_needs_an_owner_as_admin_and_is_never_deduplicated()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        var campaign = (await api.PostAsync("v1/campaigns", token, Campaign())).Expect(201).HexId;
        var contact = await api.CreateAsync("v1/contacts", token, Bodies.Contact());

        (await api.PostAsync("v1/campaign-activity", token, Touch(Bodies.Ref("id", campaign), contact, owner: null))).ExpectError(422, "'owner'");
        (await api.PostAsync("v1/campaign-activity", token, Touch(Bodies.Ref("name", "Unknown"), contact))).ExpectRelationship("campaign");
        (await api.PostAsync("v1/campaign-activity", token, Touch(Bodies.Ref("id", campaign), contact, "john-smith-acme"))).ExpectRelationship("contact");
        var first = await api.CreateAsync("v1/campaign-activity", token, Touch(Bodies.Ref("id", campaign), contact));
        var second = await api.CreateAsync("v1/campaign-activity", token, Touch(Bodies.Ref("name", "Spring Refi"), contact));

        Assert.NotEqual(first, second);
        var activity = (await api.GetAsync($"v1/campaign-activity/{first}", token)).Expect(200).Object;
        Assert.Equal(campaign, activity["campaign"]!["id"]!.GetValue<string>());
        Assert.Equal(contact, activity["contact"]!["id"]!.GetValue<long>());
        Assert.Equal(101, activity["owner"]!["id"]!.GetValue<long>());
        Assert.Equal(2, (await api.GetAsync($"v1/campaign-activity?filter=campaign_id={campaign},contact_id={contact}", token)).Items.Count);
        Assert.Empty((await api.GetAsync("v1/campaign-activity?filter=touched_at_start=2030-03-03T00:00:00Z", token)).Items);
    }

    [Fact]
    public async Task Campaign_activity_is_deleted_by_the_id_in_the_query()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        var campaign = (await api.PostAsync("v1/campaigns", token, Campaign())).Expect(201).HexId;
        var contact = await api.CreateAsync("v1/contacts", token, Bodies.Contact());
        var id = await api.CreateAsync("v1/campaign-activity", token, Touch(Bodies.Ref("id", campaign), contact));

        (await api.DeleteAsync("v1/campaign-activity", token)).ExpectError(400, "'id'");
        (await api.DeleteAsync("v1/campaign-activity?id=999999", token)).Expect(404);
        Assert.Equal("[]", (await api.DeleteAsync($"v1/campaign-activity?id={id}", token)).Expect(200).Body);
        (await api.GetAsync($"v1/campaign-activity/{id}", token)).Expect(404);
    }

    [Fact]
    public async Task As_user_campaign_activity_belongs_to_the_caller()
    {
        await using var api = await TestApi.StartAsync();
        var admin = await api.AdminTokenAsync();
        var campaign = (await api.PostAsync("v1/campaigns", admin, Campaign())).Expect(201).HexId;
        var user = await api.UserTokenAsync();
        var contact = await api.CreateAsync("v1/contacts", user, Bodies.Contact(owner: null).Without("owner"));

        var id = await api.CreateAsync("v1/campaign-activity", user, Touch(Bodies.Ref("id", campaign), contact, owner: null));

        Assert.Equal(101, (await api.GetAsync($"v1/campaign-activity/{id}", admin)).Expect(200).Object["owner"]!["id"]!.GetValue<long>());
    }
}
