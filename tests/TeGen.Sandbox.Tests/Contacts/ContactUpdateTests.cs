using System.Text.Json.Nodes;
using TeGen.Sandbox.Tests.Support;

namespace TeGen.Sandbox.Tests.Contacts;

public sealed class ContactUpdateTests
{
    [Fact]
    public async Task Get_returns_the_contact_as_te_does()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        var id = await api.CreateAsync("v1/contacts", token, Bodies.Contact()
            .With("external_ids", JsonNode.Parse("""[{"source":"LOS","external_id":"L-1"}]"""))
            .With("preferences", JsonNode.Parse("""{"is_silenced":"True"}""")));

        var contact = (await api.GetAsync($"v1/contacts/{id}", token)).Expect(200).Object;

        Assert.Equal(id, contact["id"]!.GetValue<long>());
        Assert.Equal("Ann", contact["first_name"]!.GetValue<string>());
        Assert.Null(contact["nickname"]);
        Assert.True(contact.ContainsKey("nickname"));
        Assert.True(contact["preferences"]!["is_silenced"]!.GetValue<bool>());
        Assert.Equal("""[{"source":"LOS","external_id":"L-1"}]""", contact["external_ids"]!.ToJsonString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$", contact["internal_created_at"]!.GetValue<string>());
        Assert.Equal("jane-doe-acme", contact["owner"]!["username"]!.GetValue<string>());
    }

    [Fact]
    public async Task Patch_changes_only_the_members_sent_and_answers_an_empty_array()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        var id = await api.CreateAsync("v1/contacts", token, Bodies.Contact().With("city", "Minneapolis"));

        var reply = (await api.PatchAsync($"v1/contacts/{id}", token, """{"nickname":"Annie","city":null}""")).Expect(200);

        Assert.Equal("[]", reply.Body);
        var contact = Assert.Single(api.Sandbox.Inspector.GetState().Contacts);
        Assert.Equal(("Annie", (string?)null, "Ann"), (contact["nickname"], contact["city"], contact["first_name"]));
    }

    [Fact]
    public async Task Delete_answers_an_empty_array_and_the_contact_is_gone()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        var id = await api.CreateAsync("v1/contacts", token, Bodies.Contact());

        Assert.Equal("[]", (await api.DeleteAsync($"v1/contacts/{id}", token)).Expect(200).Body);

        (await api.GetAsync($"v1/contacts/{id}", token)).Expect(404);
        Assert.Empty(api.Sandbox.Inspector.GetState().Contacts);
    }

    [Fact]
    public async Task An_unknown_id_gets_404_with_an_error_body_on_get_patch_and_delete()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();

        Assert.NotNull((await api.GetAsync("v1/contacts/999", token)).Expect(404).Error);
        Assert.NotNull((await api.PatchAsync("v1/contacts/999", token, """{"nickname":"x"}""")).Expect(404).Error);
        Assert.NotNull((await api.DeleteAsync("v1/contacts/999", token)).Expect(404).Error);
    }

    [Fact]
    public async Task The_status_of_an_unknown_id_is_an_option()
    {
        await using var api = await TestApi.StartAsync(options => options.NotFoundStatus = 422);

        (await api.GetAsync("v1/contacts/999", await api.AdminTokenAsync())).Expect(422);
    }

    [Fact]
    public async Task A_user_sees_only_their_own_contacts()
    {
        await using var api = await TestApi.StartAsync();
        var admin = await api.AdminTokenAsync();
        var johns = await api.CreateAsync("v1/contacts", admin, Bodies.Contact(owner: "john-smith-acme"));
        var janes = await api.CreateAsync("v1/contacts", admin, Bodies.Contact("Bea", owner: "jane-doe-acme"));
        var jane = await api.UserTokenAsync("jane-doe-acme");

        var list = (await api.GetAsync("v1/contacts", jane)).Expect(200);

        Assert.Equal(janes, Assert.Single(list.Items)!["id"]!.GetValue<long>());
        (await api.GetAsync($"v1/contacts/{johns}", jane)).Expect(404);
        (await api.DeleteAsync($"v1/contacts/{johns}", jane)).Expect(404);
        Assert.Equal(2, (await api.GetAsync("v1/contacts", admin)).Items.Count);
    }

    [Fact]
    public async Task An_admin_transfers_a_contact_by_posting_its_id_with_a_new_owner()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        var id = await api.CreateAsync("v1/contacts", token, Bodies.Contact());

        var reply = (await api.PostAsync("v1/contacts", token, new JsonObject { ["id"] = id, ["owner"] = Bodies.Ref("external_id", "EMP-1003") })).Expect(200);

        Assert.Equal(id, reply.Id);
        Assert.EndsWith($"/v1/contacts/{id}", reply.Text("duplicate"), StringComparison.Ordinal);
        Assert.Equal(103, Assert.Single(api.Sandbox.Inspector.GetState().Contacts).OwnerId);
    }

    [Fact]
    public async Task An_admin_transfers_a_contact_by_patching_the_owner()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        var id = await api.CreateAsync("v1/contacts", token, Bodies.Contact());

        (await api.PatchAsync($"v1/contacts/{id}", token, """{"owner":{"email":"maria.garcia@acme.example"}}""")).Expect(200);
        (await api.PatchAsync($"v1/contacts/{id}", token, """{"owner":{"username":"ghost"}}""")).ExpectRelationship("owner");

        Assert.Equal(103, Assert.Single(api.Sandbox.Inspector.GetState().Contacts).OwnerId);
    }

    [Fact]
    public async Task Groups_are_added_by_name_or_id_and_removed_with_remove_contact_groups()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        var lead = await api.CreateAsync("v1/contact-groups", token, new JsonObject { ["group_name"] = "Active Lead", ["owner"] = Bodies.Ref("id", 101) });
        var won = await api.CreateAsync("v1/contact-groups", token, new JsonObject { ["group_name"] = "Won", ["owner"] = Bodies.Ref("id", 101) });
        var id = await api.CreateAsync("v1/contacts", token, Bodies.Contact().With("contact_groups", JsonNode.Parse($$"""[{"group_name":"Active Lead"},{"id":{{won}}}]""")));

        (await api.PatchAsync($"v1/contacts/{id}", token, $$"""{"remove_contact_groups":[{"id":{{lead}}}]}""")).Expect(200);

        var groups = (await api.GetAsync($"v1/contacts/{id}", token)).Json!["contact_groups"]!;
        Assert.Equal($$"""[{"id":{{won}},"group_name":"Won"}]""", groups.ToJsonString());
    }

    [Fact]
    public async Task Groups_of_another_owner_cannot_be_used()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        await api.CreateAsync("v1/contact-groups", token, new JsonObject { ["group_name"] = "Won", ["owner"] = Bodies.Ref("id", 102) });

        (await api.PostAsync("v1/contacts", token, Bodies.Contact().With("contact_groups", JsonNode.Parse("""[{"group_name":"Won"}]""")))).ExpectRelationship("contact_groups");
    }

    [Fact]
    public async Task Custom_fields_are_set_typed_described_and_cleared_with_null()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        var id = await api.CreateAsync("v1/contacts", token, Bodies.Contact().With("custom", JsonNode.Parse(
            """[{"field_name":"first_time_buyer","value":"True"},{"field_name":"preferred_contact_time","value":"evenings"}]""")));

        (await api.PatchAsync($"v1/contacts/{id}", token, """{"custom":[{"field_name":"preferred_contact_time","value":null}]}""")).Expect(200);

        var custom = (await api.GetAsync($"v1/contacts/{id}", token)).Json!["custom"]!;
        Assert.Equal("""[{"field_name":"first_time_buyer","value":true,"description":"First-time buyer"}]""", custom.ToJsonString());
        (await api.PatchAsync($"v1/contacts/{id}", token, """{"custom":[{"field_name":"shoe_size","value":"9"}]}""")).ExpectRelationship("custom");
    }

    [Fact]
    public async Task Assignee_and_shared_users_are_resolved_like_owners()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        var id = await api.CreateAsync("v1/contacts", token, Bodies.Contact()
            .With("assignee", Bodies.Ref("username", "john-smith-acme"))
            .With("shared_with_users", JsonNode.Parse("""[{"external_id":"EMP-1003"}]""")));

        var contact = (await api.GetAsync($"v1/contacts/{id}", token)).Object;

        Assert.Equal(102, contact["assignee"]!["id"]!.GetValue<long>());
        Assert.Equal(103, contact["shared_with_users"]![0]!["id"]!.GetValue<long>());
        (await api.PatchAsync($"v1/contacts/{id}", token, """{"assignee":{"id":5}}""")).ExpectRelationship("assignee");
    }

    [Fact]
    public async Task Consent_can_be_revoked_only_after_a_grant()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        const string Consent = """
            {"communication_agent":"agentic-a-i","communication_channel":"phone","channel_target":"+16125551212",
             "contact_purpose":"marketing","capture_source":"web form","consent_language":"You may call me.","ip_address":"1.1.1.1"}
            """;
        var id = await api.CreateAsync("v1/contacts", token, Bodies.Contact());

        (await api.PatchAsync($"v1/contacts/{id}", token, $$"""{"revoke_consent":{{Consent}}}""")).ExpectError(422, "never granted");
        (await api.PatchAsync($"v1/contacts/{id}", token, """{"grant_consent":{"communication_agent":"agentic-a-i"}}""")).ExpectError(422, "grant_consent.");
        (await api.PatchAsync($"v1/contacts/{id}", token, $$"""{"grant_consent":{{Consent}}}""")).Expect(200);
        (await api.PatchAsync($"v1/contacts/{id}", token, $$"""{"revoke_consent":{{Consent}}}""")).Expect(200);

        // Write-only: never returned.
        Assert.False((await api.GetAsync($"v1/contacts/{id}", token)).Object.ContainsKey("grant_consent"));
    }
}
