using System.Text.Json.Nodes;
using TeGen.Sandbox.Tests.Support;

namespace TeGen.Sandbox.Tests.Resources;

public sealed class ContactNoteTests
{
    private static JsonObject Note(JsonNode contact, string owner = "jane-doe-acme") => new()
    {
        ["title"] = "Called",
        ["note"] = "<p>Left a message</p>",
        ["type_id"] = 2,
        ["contact"] = contact,
        ["owner"] = Bodies.Ref("username", owner),
    };

    [Fact]
    public async Task A_note_is_created_and_read_back_with_type_id_as_a_string()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        var contact = await api.CreateAsync("v1/contacts", token, Bodies.Contact());

        var reply = (await api.PostAsync("v1/contact-notes", token, Note(Bodies.Ref("id", contact)))).Expect(201);
        var note = (await api.GetAsync($"v1/contact-notes/{reply.Id}", token)).Expect(200).Object;

        Assert.EndsWith($"/v1/contact-notes/{reply.Id}", reply.Text("created"), StringComparison.Ordinal);
        Assert.Equal("\"2\"", note["type_id"]!.ToJsonString());
        Assert.Equal($$"""{"id":{{contact}}}""", note["contact"]!.ToJsonString());
        Assert.Equal(101, note["owner"]!["id"]!.GetValue<long>());
        Assert.Equal("<p>Left a message</p>", note["note"]!.GetValue<string>());
    }

    [Fact]
    public async Task Notes_are_never_deduplicated()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        var contact = await api.CreateAsync("v1/contacts", token, Bodies.Contact());

        var first = await api.CreateAsync("v1/contact-notes", token, Note(Bodies.Ref("id", contact)));
        var second = await api.CreateAsync("v1/contact-notes", token, Note(Bodies.Ref("id", contact)));

        Assert.NotEqual(first, second);
        Assert.Equal(2, api.Sandbox.Inspector.GetState().ContactNotes.Count);
    }

    [Fact]
    public async Task The_contact_may_be_named_by_a_uniqueness_set_whose_fields_must_match()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        var contact = await api.CreateAsync("v1/contacts", token, Bodies.Contact());

        var reply = await api.PostAsync("v1/contact-notes", token, Note(JsonNode.Parse("""{"first_name":"Ann","last_name":"Lee","email":"ann.lee@example.test","source":"Web"}""")!));
        var mismatch = await api.PostAsync("v1/contact-notes", token, Note(JsonNode.Parse("""{"first_name":"Ann","last_name":"Lee","email":"ann.lee@example.test","source":"Zillow"}""")!));

        Assert.Equal($$"""{"id":{{contact}}}""", (await api.GetAsync($"v1/contact-notes/{reply.Expect(201).Id}", token)).Json!["contact"]!.ToJsonString());
        mismatch.ExpectRelationship("contact");
        Assert.Single(api.Sandbox.Inspector.GetState().Contacts);
    }

    [Fact]
    public async Task An_unknown_contact_or_one_of_another_owner_gets_the_contact_relationship_error()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        var johns = await api.CreateAsync("v1/contacts", token, Bodies.Contact(owner: "john-smith-acme"));

        (await api.PostAsync("v1/contact-notes", token, Note(Bodies.Ref("id", 999)))).ExpectRelationship("contact");
        (await api.PostAsync("v1/contact-notes", token, Note(Bodies.Ref("id", johns)))).ExpectRelationship("contact");
        (await api.PostAsync("v1/contact-notes", token, Note(Bodies.Ref("id", johns), owner: "john-smith-acme"))).Expect(201);
    }

    [Theory]
    [InlineData("title", null)]
    [InlineData("note", null)]
    [InlineData("type_id", null)]
    [InlineData("contact", null)]
    [InlineData("type_id", 35)]
    [InlineData("type_id", "task")]
    public async Task Required_fields_and_a_known_type_id_are_checked(string field, object? value)
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        var contact = await api.CreateAsync("v1/contacts", token, Bodies.Contact());
        var body = Note(Bodies.Ref("id", contact));
        body[field] = System.Text.Json.JsonSerializer.SerializeToNode(value);

        (await api.PostAsync("v1/contact-notes", token, body)).ExpectError(422, $"'{field}'");
    }

    [Fact]
    public async Task Patch_delete_and_filters_work_as_for_other_resources()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        var contact = await api.CreateAsync("v1/contacts", token, Bodies.Contact());
        var task = await api.CreateAsync("v1/contact-notes", token, Note(Bodies.Ref("id", contact)));
        var general = await api.CreateAsync("v1/contact-notes", token, Note(Bodies.Ref("id", contact)).With("type_id", "1").With("title", "Birthday card"));

        Assert.Equal("[]", (await api.PatchAsync($"v1/contact-notes/{task}", token, """{"note":"Spoke with Ann"}""")).Expect(200).Body);

        Assert.Equal(general, Assert.Single((await api.GetAsync("v1/contact-notes?filter=type_id=1", token)).Items)!["id"]!.GetValue<long>());
        Assert.Equal(general, Assert.Single((await api.GetAsync("v1/contact-notes?filter=title_contains=birth", token)).Items)!["id"]!.GetValue<long>());
        Assert.Equal(task, Assert.Single((await api.GetAsync("v1/contact-notes?filter=notes_contains=spoke", token)).Items)!["id"]!.GetValue<long>());

        // TE documents an is_private filter but no note shows the member: no note is private.
        Assert.Equal(2, (await api.GetAsync("v1/contact-notes?filter=is_private=0", token)).Items.Count);
        Assert.Empty((await api.GetAsync("v1/contact-notes?filter=is_private=1", token)).Items);
        Assert.Equal("[]", (await api.DeleteAsync($"v1/contact-notes/{task}", token)).Expect(200).Body);
        (await api.GetAsync($"v1/contact-notes/{task}", token)).Expect(404);
    }

    [Fact]
    public async Task As_user_no_owner_is_needed_and_the_contact_must_be_the_users()
    {
        await using var api = await TestApi.StartAsync();
        var admin = await api.AdminTokenAsync();
        var janes = await api.CreateAsync("v1/contacts", admin, Bodies.Contact());
        var johns = await api.CreateAsync("v1/contacts", admin, Bodies.Contact(owner: "john-smith-acme"));
        var user = await api.UserTokenAsync();

        (await api.PostAsync("v1/contact-notes", user, Note(Bodies.Ref("id", janes)).Without("owner"))).Expect(201);
        (await api.PostAsync("v1/contact-notes", user, Note(Bodies.Ref("id", johns)).Without("owner"))).ExpectRelationship("contact");
    }

    [Fact]
    public async Task An_update_may_name_the_note_s_contact_and_a_contact_update_its_last_contact()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        var ann = await api.CreateAsync("v1/contacts", token, Bodies.Contact());
        var bo = await api.CreateAsync("v1/contacts", token, Bodies.Contact("Bo"));
        var note = await api.CreateAsync("v1/contact-notes", token, Note(Bodies.Ref("id", ann)));

        (await api.PatchAsync($"v1/contact-notes/{note}", token, new JsonObject { ["contact"] = Bodies.Ref("id", bo) })).Expect(200);
        (await api.PatchAsync($"v1/contact-notes/{note}", token, """{"contact":{"id":999}}""")).ExpectRelationship("contact");
        (await api.PatchAsync($"v1/contacts/{bo}", token, """{"last_contacted":"2024-05-06 07:08:09"}""")).Expect(200);

        Assert.Equal(bo, (await api.GetAsync($"v1/contact-notes/{note}", token)).Object["contact"]!["id"]!.GetValue<long>());
        Assert.Equal("2024-05-06 07:08:09", (await api.GetAsync($"v1/contacts/{bo}", token)).Object["last_contacted_date"]!.GetValue<string>());
    }
}
