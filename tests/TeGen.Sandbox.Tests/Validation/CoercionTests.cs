using System.Text.Json.Nodes;
using TeGen.Sandbox.Tests.Support;

namespace TeGen.Sandbox.Tests.Validation;

// Request members are checked against the spec's types with TE's coercions; what is accepted is stored in one form.
public sealed class CoercionTests
{
    [Theory]
    [InlineData("type_id", "\"2\"", "\"2\"")] // an integer sent as a string
    [InlineData("type_id", "2", "\"2\"")]
    [InlineData("title", "42", "\"42\"")] // a number sent for a string
    public async Task Numbers_and_numeric_strings_are_accepted_for_note_members(string member, string input, string readBack)
    {
        await using var api = await TestApi.StartAsync();
        var (token, contact) = await ContactAsync(api);

        var id = await api.CreateAsync("v1/contact-notes", token, Note(contact).With(member, JsonNode.Parse(input)));

        Assert.Equal(readBack, (await api.GetAsync($"v1/contact-notes/{id}", token)).Object[member]!.ToJsonString());
    }

    [Theory]
    [InlineData("\"1234abcd7\"", "\"1234abcd7\"")] // TE's entity examples
    [InlineData("1234", "\"1234\"")]
    [InlineData("\"1234\"", "\"1234\"")]
    public async Task An_entity_id_is_accepted_as_a_string_or_a_number_and_returned_as_a_string(string input, string readBack)
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        var entity = new JsonObject
        {
            ["relationship_type"] = new JsonObject { ["system_name"] = "household" },
            ["parent"] = new JsonObject { ["id"] = JsonNode.Parse(input) },
        };

        var id = await api.CreateAsync("v1/contacts", token, Bodies.Contact().With("related_entities", new JsonArray(entity)));

        Assert.Equal(readBack, (await api.GetAsync($"v1/contacts/{id}", token)).Object["related_entities"]![0]!["parent"]!["id"]!.ToJsonString());
    }

    [Theory]
    [InlineData("1", "true")]
    [InlineData("0", "false")]
    [InlineData("\"True\"", "true")]
    [InlineData("\"False\"", "false")]
    [InlineData("true", "true")]
    public async Task Te_booleans_are_accepted_in_nested_members_and_returned_as_json_booleans(string input, string readBack)
    {
        await using var api = await TestApi.StartAsync();
        var (token, _) = await ContactAsync(api);

        var id = await api.CreateAsync("v1/contacts", token, Bodies.Contact("Bo").With("preferences", new JsonObject { ["is_silenced"] = JsonNode.Parse(input) }));

        Assert.Equal(readBack, (await api.GetAsync($"v1/contacts/{id}", token)).Object["preferences"]!["is_silenced"]!.ToJsonString());
    }

    [Theory]
    [InlineData("2024-05-06 07:08:09", "\"2024-05-06 07:08:09\"")]
    [InlineData("2024-05-06", "\"2024-05-06 00:00:00\"")]
    [InlineData("0000-00-00 00:00:00", "null")]
    [InlineData("0000-00-00", "null")]
    public async Task Te_dates_are_accepted_and_a_zero_date_clears(string input, string readBack)
    {
        await using var api = await TestApi.StartAsync();
        var (token, contact) = await ContactAsync(api);

        var id = await api.CreateAsync("v1/insights", token, Insight(contact).With("expires_at", input));

        Assert.Equal(readBack, (await api.GetAsync($"v1/insights/{id}", token)).Object["expires_at"]?.ToJsonString() ?? "null");
    }

    [Theory]
    [InlineData("v1/contact-notes", "type_id", "\"abc\"", "type_id")]
    [InlineData("v1/contact-notes", "type_id", "1.5", "type_id")]
    [InlineData("v1/contact-notes", "type_id", "35", "type_id")] // the spec's maximum
    [InlineData("v1/contact-notes", "title", "true", "title")]
    [InlineData("v1/contact-notes", "contact", "\"Ann\"", "contact")]
    [InlineData("v1/contacts", "ok_to_call", "\"yes\"", "ok_to_call")]
    [InlineData("v1/contacts", "birthday", "\"03/04/1985\"", "birthday")]
    [InlineData("v1/contacts", "credit_score", "\"Stellar\"", "credit_score")]
    [InlineData("v1/contacts", "owner", "\"jane-doe-acme\"", "owner")]
    [InlineData("v1/contacts", "external_ids", "{}", "external_ids")]
    [InlineData("v1/contacts", "preferences", "{\"is_silenced\":\"maybe\"}", "preferences.is_silenced")]
    [InlineData("v1/contacts", "contact_groups", "[{\"id\":\"x\"}]", "contact_groups[0].id")]
    [InlineData("v1/insights", "data", "[]", "data")]
    [InlineData("v1/insights", "expires_at", "\"2024-05-06T07:08:09Z\"", "expires_at")]
    [InlineData("v1/contact-surveys", "questions", "[{\"question_text\":\"Q\",\"system_name\":\"q\",\"data_type\":\"date\"}]", "questions[0].data_type")]
    public async Task A_member_of_the_wrong_type_is_refused_naming_it(string path, string member, string input, string named)
    {
        await using var api = await TestApi.StartAsync();
        var (token, contact) = await ContactAsync(api);
        var body = path switch
        {
            "v1/contact-notes" => Note(contact),
            "v1/insights" => Insight(contact),
            "v1/contact-surveys" => Bodies.Survey(),
            _ => Bodies.Contact("Cy"),
        };

        var reply = await api.PostAsync(path, token, body.With(member, JsonNode.Parse(input)));

        Assert.Equal($"Invalid value for field: '{named}'", reply.Expect(422).Error);
    }

    [Theory]
    [InlineData("v1/contact-notes", "title")]
    [InlineData("v1/contact-notes", "contact")]
    [InlineData("v1/insights", "type")]
    [InlineData("v1/contact-groups", "group_name")]
    public async Task A_required_member_of_the_spec_is_refused_when_missing_or_blank(string path, string member)
    {
        await using var api = await TestApi.StartAsync();
        var (token, contact) = await ContactAsync(api);
        JsonObject Body() => path switch
        {
            "v1/contact-notes" => Note(contact),
            "v1/insights" => Insight(contact),
            _ => new JsonObject { ["group_name"] = "Won", ["owner"] = Bodies.Ref("id", 101) },
        };

        (await api.PostAsync(path, token, Body().Without(member))).ExpectError(422, $"Missing required field: '{member}'");
        (await api.PostAsync(path, token, Body().With(member, null))).ExpectError(422, $"Missing required field: '{member}'");
    }

    private static async Task<(string Token, long Contact)> ContactAsync(TestApi api)
    {
        var token = await api.AdminTokenAsync();
        return (token, await api.CreateAsync("v1/contacts", token, Bodies.Contact()));
    }

    private static JsonObject Note(long contact) => new()
    {
        ["title"] = "Called", ["note"] = "Left a message", ["type_id"] = 2, ["contact"] = Bodies.Ref("id", contact), ["owner"] = Bodies.Ref("id", 101),
    };

    private static JsonObject Insight(long contact) => new()
    {
        ["contact"] = Bodies.Ref("id", contact), ["type"] = Bodies.Ref("id", 1), ["owner"] = Bodies.Ref("id", 101), ["data"] = new JsonObject { ["description"] = "x" },
    };
}
