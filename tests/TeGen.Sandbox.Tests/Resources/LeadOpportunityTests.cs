using System.Text.Json.Nodes;
using TeGen.Sandbox.Tests.Support;

namespace TeGen.Sandbox.Tests.Resources;

public sealed class LeadOpportunityTests
{
    private static JsonObject Opportunity(int n = 1) => new()
    {
        ["first_name"] = "Ann" + n,
        ["last_name"] = "Lee",
        ["email"] = $"ann{n}@example.test",
        ["source"] = n % 2 == 0 ? "Zillow" : "Web",
        ["status"] = "New",
        ["loan_purpose"] = "Purchase",
        ["loan_amount"] = 250000 + n,
    };

    private static async Task<string> CreateAsync(TestApi api, string token, JsonObject body) =>
        (await api.PostAsync("v1/lead-opportunities", token, body)).Expect(201).HexId;

    [Fact]
    public async Task A_lead_opportunity_has_a_uuid_id_and_is_read_updated_with_its_contact_and_timestamped_in_iso_8601()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        var contact = await api.CreateAsync("v1/contacts", token, Bodies.Contact());

        var created = (await api.PostAsync("v1/lead-opportunities", token, Opportunity())).Expect(201);
        var id = created.HexId;
        Assert.True(Guid.TryParse(id, out _), id);
        Assert.EndsWith($"/v1/lead-opportunities/{id}", created.Text("created"), StringComparison.Ordinal);

        Assert.Equal("[]", (await api.PatchAsync($"v1/lead-opportunities/{id}", token, new JsonObject { ["contact_id"] = contact, ["status"] = "Contacted" })).Expect(200).Body);
        var read = (await api.GetAsync($"v1/lead-opportunities/{id}", token)).Expect(200).Object;

        Assert.Equal(id, read["id"]!.GetValue<string>());
        Assert.Equal(contact, read["contact_id"]!.GetValue<long>());
        Assert.Equal(("Contacted", "Ann1"), (read["status"]!.GetValue<string>(), read["first_name"]!.GetValue<string>()));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", read["created_at"]!.GetValue<string>());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", read["updated_at"]!.GetValue<string>());
    }

    [Fact]
    public async Task Pages_hold_25_by_default_a_page_past_the_last_is_422_and_filters_select()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        for (var n = 1; n <= 27; n++)
        {
            await CreateAsync(api, token, Opportunity(n));
        }

        var first = (await api.GetAsync("v1/lead-opportunities", token)).Expect(200);
        Assert.Equal(25, first.Items.Count);
        Assert.Equal((2, 2), (first.Links["last"]!.GetValue<int>(), first.Links["next"]!.GetValue<int>()));
        Assert.Equal(2, (await api.GetAsync("v1/lead-opportunities?page[number]=2", token)).Expect(200).Items.Count);
        Assert.Equal(27, (await api.GetAsync("v1/lead-opportunities?page[size]=1&page[number]=27", token)).Expect(200).Links["last"]!.GetValue<int>());

        (await api.GetAsync("v1/lead-opportunities?page[number]=3", token)).ExpectError(422, "out of range");
        (await api.GetAsync("v1/lead-opportunities?page[size]=0", token)).Expect(400);

        Assert.Equal(13, (await api.GetAsync("v1/lead-opportunities?filter=source=Zillow", token)).Items.Count);
        Assert.Single((await api.GetAsync("v1/lead-opportunities?filter=email=ann7@example.test", token)).Items);
        (await api.GetAsync("v1/lead-opportunities?filter=favourite_colour=blue", token)).ExpectError(400, "favourite_colour");
        (await api.GetAsync("v1/lead-opportunities?sort=favourite_colour", token)).ExpectError(400, "favourite_colour");
        Assert.Equal("Ann1", (await api.GetAsync("v1/lead-opportunities?sort=-loan_amount&page[number]=2", token)).Items[^1]!["first_name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Classic_paging_options_do_not_change_lead_opportunity_paging()
    {
        await using var api = await TestApi.StartAsync(options => (options.DefaultPageSize, options.RejectUnknownQueryFields) = (10, false));
        var token = await api.AdminTokenAsync();
        for (var n = 1; n <= 11; n++)
        {
            await CreateAsync(api, token, Opportunity(n));
        }

        Assert.Equal(11, (await api.GetAsync("v1/lead-opportunities", token)).Items.Count);
        (await api.GetAsync("v1/lead-opportunities?page[number]=2", token)).Expect(422);
        (await api.GetAsync("v1/lead-opportunities?filter=nope=1", token)).Expect(400);
    }

    [Theory]
    [InlineData("first_name")]
    [InlineData("last_name")]
    [InlineData("source")]
    public async Task A_create_without_a_required_member_is_400_naming_it(string member)
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();

        (await api.PostAsync("v1/lead-opportunities", token, Opportunity().Without(member))).ExpectError(400, $"'{member}'");
        (await api.PostAsync("v1/lead-opportunities", token, Opportunity().With(member, " "))).ExpectError(400, $"'{member}'");
    }

    [Fact]
    public async Task A_create_needs_an_email_or_a_phone_and_a_contact_id_must_name_a_contact()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();

        (await api.PostAsync("v1/lead-opportunities", token, Opportunity().Without("email"))).ExpectError(400, "'phone'");
        await CreateAsync(api, token, Opportunity().Without("email").With("phone", "(612) 555-0101"));
        (await api.PostAsync("v1/lead-opportunities", token, Opportunity().With("contact_id", 9999))).ExpectRelationship("contact_id");
    }

    [Fact]
    public async Task Every_update_needs_a_contact_id_and_an_unknown_id_is_404_with_a_message()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        var id = await CreateAsync(api, token, Opportunity());

        (await api.PatchAsync($"v1/lead-opportunities/{id}", token, new JsonObject { ["status"] = "Lost" })).ExpectError(400, "'contact_id'");
        (await api.PatchAsync($"v1/lead-opportunities/{id}", token, new JsonObject { ["contact_id"] = 9999 })).ExpectRelationship("contact_id");

        var missing = (await api.GetAsync($"v1/lead-opportunities/{Guid.NewGuid()}", token)).Expect(404);
        Assert.Contains("not found", missing.Object["message"]!.GetValue<string>(), StringComparison.Ordinal);
        (await api.PatchAsync($"v1/lead-opportunities/{Guid.NewGuid()}", token, new JsonObject { ["contact_id"] = 1 })).Expect(404);
    }
}
