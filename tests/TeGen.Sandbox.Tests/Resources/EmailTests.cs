using System.Text.Json.Nodes;
using TeGen.Sandbox.Tests.Support;

namespace TeGen.Sandbox.Tests.Resources;

public sealed class EmailTests
{
    [Fact]
    public async Task An_archived_email_is_read_by_raw_or_encoded_id_as_one_object_in_items_with_fixed_links()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();

        var raw = (await api.GetAsync("v1/email-archive/1", token)).Expect(200).Object;
        var encoded = (await api.GetAsync("v1/email-archive/id-1-1", token)).Expect(200).Object;

        Assert.Equal(raw.ToJsonString(), encoded.ToJsonString());
        Assert.Equal(1, raw["items"]!["id"]!.GetValue<long>());
        Assert.Equal(101, raw["items"]!["user"]!["id"]!.GetValue<long>());
        Assert.Equal("""{"first":1,"last":1,"next":null,"prev":null}""", raw["links"]!.ToJsonString());
        (await api.GetAsync("v1/email-archive/id-2-1", token)).Expect(404);
        (await api.GetAsync("v1/email-archive/99", token)).Expect(404);
        (await api.GetAsync("v1/email-archive/1?filter=user_id=101", token)).Expect(200);
        (await api.GetAsync("v1/email-archive/1?filter=user_id=102", token)).Expect(404);
        (await api.GetAsync("v1/email-archive/1?filter=subject=x", token)).Expect(400);
        (await api.GetAsync("v1/email-archive/2", await api.UserTokenAsync())).Expect(404);
    }

    [Fact]
    public async Task A_template_renders_merge_fields_of_the_named_contact_and_user()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        var contact = await api.CreateAsync("v1/contacts", token, Bodies.Contact());

        (await api.PostAsync("v1/email-templates/render", token, new JsonObject { ["subject"] = "Hi" })).ExpectError(422, "'body'");
        (await api.PostAsync("v1/email-templates/render", token, new JsonObject { ["body"] = "x", ["contact"] = Bodies.Ref("id", 999) })).ExpectRelationship("contact");
        var rendered = (await api.PostAsync("v1/email-templates/render", token, new JsonObject
        {
            ["subject"] = "Hello {{contact.first_name}}",
            ["body"] = "<p>{{ contact.first_name }} {{contact.last_name}}, this is {{user.first_name}}.{{contact.nickname}}</p>",
            ["contact"] = Bodies.Ref("id", contact),
            ["user"] = Bodies.Ref("username", "jane-doe-acme"),
        })).Expect(200).Object;

        Assert.Equal("Hello Ann", rendered["subject"]!.GetValue<string>());
        Assert.Equal("<p>Ann Lee, this is Jane.</p>", rendered["body"]!.GetValue<string>());
    }
}
