using System.Text.Json.Nodes;
using TeGen.Sandbox.Tests.Support;

namespace TeGen.Sandbox.Tests.Resources;

public sealed class ContactGroupTests
{
    private static JsonObject Group(string name = "Past Client", string? owner = "jane-doe-acme")
    {
        var body = new JsonObject { ["group_name"] = name };
        return owner is null ? body : body.With("owner", Bodies.Ref("username", owner));
    }

    [Fact]
    public async Task A_group_name_is_deduplicated_within_one_owner_only()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        var id = await api.CreateAsync("v1/contact-groups", token, Group());

        var again = (await api.PostAsync("v1/contact-groups", token, Group("past client").With("user_editable", 0))).Expect(200);
        var otherOwner = (await api.PostAsync("v1/contact-groups", token, Group(owner: "john-smith-acme"))).Expect(201);

        Assert.Equal(id, again.Id);
        Assert.EndsWith($"/v1/contact-groups/{id}", again.Text("duplicate"), StringComparison.Ordinal);
        Assert.NotEqual(id, otherOwner.Id);
        Assert.Equal("false", api.Sandbox.Inspector.GetState().ContactGroups[0]["user_editable"]);
    }

    [Fact]
    public async Task As_admin_the_owner_is_required_and_must_exist()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();

        (await api.PostAsync("v1/contact-groups", token, Group(owner: null))).ExpectError(422, "'owner'");
        (await api.PostAsync("v1/contact-groups", token, Group(owner: "ghost"))).ExpectRelationship("owner");
        (await api.PostAsync("v1/contact-groups", token, Group().Without("group_name"))).ExpectError(422, "'group_name'");
    }

    [Fact]
    public async Task Get_returns_the_group_with_a_boolean_user_editable_defaulting_to_true()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        var id = await api.CreateAsync("v1/contact-groups", token, Group());

        var group = (await api.GetAsync($"v1/contact-groups/{id}", token)).Expect(200);

        Assert.Equal(
            $$$"""{"id":{{{id}}},"group_name":"Past Client","user_editable":true,"owner":{"email":"jane.doe@acme.example","external_id":"EMP-1001","id":101,"username":"jane-doe-acme"}}""",
            group.Body);
    }

    [Fact]
    public async Task Patch_and_delete_answer_empty_arrays_and_delete_detaches_contacts()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        var id = await api.CreateAsync("v1/contact-groups", token, Group());
        var contact = await api.CreateAsync("v1/contacts", token, Bodies.Contact().With("contact_groups", new JsonArray(Bodies.Ref("id", id))));

        Assert.Equal("[]", (await api.PatchAsync($"v1/contact-groups/{id}", token, """{"group_name":"Past Clients","user_editable":"False"}""")).Expect(200).Body);
        Assert.Equal("Past Clients", (await api.GetAsync($"v1/contacts/{contact}", token)).Json!["contact_groups"]![0]!["group_name"]!.GetValue<string>());
        Assert.Equal("[]", (await api.DeleteAsync($"v1/contact-groups/{id}", token)).Expect(200).Body);

        Assert.Empty((await api.GetAsync($"v1/contacts/{contact}", token)).Json!["contact_groups"]!.AsArray());
        (await api.GetAsync($"v1/contact-groups/{id}", token)).Expect(404);
    }

    [Fact]
    public async Task As_user_groups_belong_to_the_user_and_list_only_theirs()
    {
        await using var api = await TestApi.StartAsync();
        var admin = await api.AdminTokenAsync();
        await api.CreateAsync("v1/contact-groups", admin, Group(owner: "john-smith-acme"));
        var user = await api.UserTokenAsync();

        await api.CreateAsync("v1/contact-groups", user, Group(owner: null));

        var mine = Assert.Single((await api.GetAsync("v1/contact-groups", user)).Expect(200).Items)!;

        // As User, TE returns related user ids as strings (its "Fetch Contact (as User)" example shows "58").
        Assert.Equal("\"101\"", mine["owner"]!["id"]!.ToJsonString());
        Assert.Equal(2, (await api.GetAsync("v1/contact-groups?filter=group_name=past%20client", admin)).Items.Count);
    }
}
