using System.Text;
using System.Text.Json.Nodes;
using TeGen.Sandbox.Tests.Support;

namespace TeGen.Sandbox.Tests.Resources;

public sealed class AlmLeadTests
{
    private static JsonObject Lead(string first = "Ann", string? owner = null) => new JsonObject
    {
        ["first_name"] = first,
        ["last_name"] = "Lee",
        ["email"] = $"{first.ToLowerInvariant()}.lee@example.test",
        ["phone"] = "(612) 555-0101",
        ["source"] = "Rate table",
        ["lead_opportunity"] = new JsonObject { ["loan_purpose"] = "Purchase", ["loan_amount"] = 320000, ["is_veteran"] = false },
        ["lead_opportunity_offers"] = new JsonArray(
            new JsonObject { ["lender_name"] = "Acme Lending", ["interest_rate"] = 6.125, ["term_months"] = 360, ["is_selected"] = false }),
    }.With("owner", owner is null ? null : Bodies.Ref("username", owner));

    [Fact]
    public async Task A_create_answers_the_contact_and_the_lead_and_the_lead_reads_back_with_its_opportunity_and_offers()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();

        var created = (await api.PostAsync("v1/leads", token, Lead(owner: "john-smith-acme"))).Expect(201).Object;
        var (contactId, leadId) = (created["contact_id"]!.GetValue<long>(), created["lead_id"]!.GetValue<long>());
        var lead = (await api.GetAsync($"v1/leads/{leadId}", token)).Expect(200).Object;
        var contact = (await api.GetAsync($"v1/contacts/{contactId}", token)).Expect(200).Object;

        Assert.Equal(contactId, lead["contact_id"]!.GetValue<long>());
        Assert.Equal("john-smith-acme", lead["owner"]!["username"]!.GetValue<string>());
        Assert.Equal(320000, lead["lead_opportunity"]!["loan_amount"]!.GetValue<decimal>());
        Assert.Equal("Acme Lending", lead["lead_opportunity_offers"]![0]!["lender_name"]!.GetValue<string>());
        Assert.Equal(("Ann", "(612) 555-0101"), (contact["first_name"]!.GetValue<string>(), contact["phone_cell"]!.GetValue<string>()));
        Assert.Equal("john-smith-acme", contact["owner"]!["username"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_second_lead_for_the_same_person_joins_their_contact_and_an_unowned_admin_lead_is_routed_to_a_user()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();

        var first = (await api.PostAsync("v1/leads", token, Lead())).Expect(201).Object;
        var second = (await api.PostAsync("v1/leads", token, Lead())).Expect(201).Object;
        var user = await api.UserTokenAsync();
        var users = (await api.PostAsync("v1/leads", user, Lead("Bob"))).Expect(201).Object;

        Assert.Equal(first["contact_id"]!.GetValue<long>(), second["contact_id"]!.GetValue<long>());
        Assert.NotEqual(first["lead_id"]!.GetValue<long>(), second["lead_id"]!.GetValue<long>());
        Assert.Equal(101, (await api.GetAsync($"v1/leads/{first["lead_id"]}", token)).Object["owner"]!["id"]!.GetValue<long>());
        Assert.Equal("jane-doe-acme", (await api.GetAsync($"v1/leads/{users["lead_id"]}", token)).Object["owner"]!["username"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_update_changes_what_it_names_and_answers_te_message()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        var id = (await api.PostAsync("v1/leads", token, Lead())).Expect(201).Object["lead_id"]!.GetValue<long>();

        var update = new JsonObject
        {
            ["status"] = "Working",
            ["lead_opportunity"] = new JsonObject { ["is_veteran"] = 1 },
            ["lead_opportunity_offers"] = new JsonArray(new JsonObject { ["lender_name"] = "Globex", ["is_selected"] = true }),
        };
        var reply = (await api.PatchAsync($"v1/leads/{id}", token, update)).Expect(200).Object;
        var lead = (await api.GetAsync($"v1/leads/{id}", token)).Expect(200).Object;

        Assert.Equal("Successfully updated lead.", reply["message"]!.GetValue<string>());
        Assert.Equal("Working", lead["status"]!.GetValue<string>());
        Assert.True(lead["lead_opportunity"]!["is_veteran"]!.GetValue<bool>());
        Assert.Equal("Purchase", lead["lead_opportunity"]!["loan_purpose"]!.GetValue<string>());
        Assert.Equal("Globex", Assert.Single(lead["lead_opportunity_offers"]!.AsArray())!["lender_name"]!.GetValue<string>());
        (await api.GetAsync($"v1/leads/{id + 100}", token)).Expect(404);
    }

    [Theory]
    [InlineData("\"true\"")]
    [InlineData("\"false\"")]
    [InlineData("\"True\"")]
    [InlineData("\"1\"")]
    public async Task An_update_refuses_booleans_sent_as_strings_where_a_create_takes_them(string flag)
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        var lead = Lead();
        lead["lead_opportunity"]!["is_veteran"] = JsonNode.Parse(flag);
        var id = (await api.PostAsync("v1/leads", token, lead)).Expect(201).Object["lead_id"]!.GetValue<long>();

        var update = new JsonObject { ["lead_opportunity"] = new JsonObject { ["is_veteran"] = JsonNode.Parse(flag) } };
        (await api.PatchAsync($"v1/leads/{id}", token, update)).ExpectError(422, "'lead_opportunity.is_veteran'");
        var offers = new JsonObject { ["lead_opportunity_offers"] = new JsonArray(new JsonObject { ["is_selected"] = JsonNode.Parse(flag) }) };
        (await api.PatchAsync($"v1/leads/{id}", token, offers)).ExpectError(422, "'lead_opportunity_offers[0].is_selected'");

        (await api.PatchAsync($"v1/leads/{id}", token, new JsonObject { ["lead_opportunity"] = new JsonObject { ["is_veteran"] = 0, ["is_first_time_buyer"] = true } })).Expect(200);
    }

    [Theory]
    [InlineData("first_name")]
    [InlineData("last_name")]
    [InlineData("source")]
    public async Task A_create_without_a_required_member_is_refused_naming_it(string member)
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();

        (await api.PostAsync("v1/leads", token, Lead().Without(member))).ExpectError(422, $"'{member}'");
    }

    [Fact]
    public async Task A_create_needs_an_email_or_a_phone_and_a_named_owner_must_exist()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();

        (await api.PostAsync("v1/leads", token, Lead().Without("email", "phone"))).ExpectError(422, "'phone'");
        (await api.PostAsync("v1/leads", token, Lead().Without("email"))).Expect(201);
        (await api.PostAsync("v1/leads", token, Lead(owner: "nobody"))).ExpectRelationship("owner");
    }

    [Fact]
    public async Task The_simple_auth_key_is_accepted_in_the_body_or_a_header_but_the_bearer_token_still_authenticates()
    {
        await using var api = await TestApi.StartAsync(options => options.StrictRequestMembers = true);
        var token = await api.AdminTokenAsync();

        var id = (await api.PostAsync("v1/leads", token, Lead().With("api_key", "k-123"))).Expect(201).Object["lead_id"]!.GetValue<long>();
        (await api.PatchAsync($"v1/leads/{id}", token, new JsonObject { ["api_key"] = "k-123", ["status"] = "Working" })).Expect(200);
        Assert.False((await api.GetAsync($"v1/leads/{id}", token)).Object.ContainsKey("api_key"));

        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/leads") { Content = new StringContent(Lead().ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.Add("api-key", "k-123");
        using var keyOnly = await api.Http.SendAsync(request);
        (await Reply.ReadAsync(keyOnly)).Expect(401);
    }
}
