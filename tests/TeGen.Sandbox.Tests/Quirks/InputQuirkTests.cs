using System.Text.Json.Nodes;
using TeGen.Sandbox.Tests.Support;

namespace TeGen.Sandbox.Tests.Quirks;

public sealed class InputQuirkTests
{
    [Theory]
    [InlineData("true", true)]
    [InlineData("\"True\"", true)]
    [InlineData("\"true\"", true)]
    [InlineData("1", true)]
    [InlineData("\"1\"", true)]
    [InlineData("false", false)]
    [InlineData("\"False\"", false)]
    [InlineData("0", false)]
    public async Task Booleans_are_accepted_in_te_forms_and_returned_as_json_booleans(string input, bool expected)
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();

        var id = await api.CreateAsync("v1/contacts", token, Bodies.Contact().With("ok_to_call", JsonNode.Parse(input)).With("ok_to_email", JsonNode.Parse(input)));

        var contact = (await api.GetAsync($"v1/contacts/{id}", token)).Object;
        Assert.Equal(expected ? "true" : "false", contact["ok_to_call"]!.ToJsonString());
        Assert.Equal(expected ? "true" : "false", contact["ok_to_email"]!.ToJsonString());
    }

    [Theory]
    [InlineData("\"yes\"")]
    [InlineData("2")]
    [InlineData("{}")]
    public async Task Other_boolean_forms_are_refused_naming_the_field(string input)
    {
        await using var api = await TestApi.StartAsync();

        (await api.PostAsync("v1/contacts", await api.AdminTokenAsync(), Bodies.Contact().With("ok_to_mail", JsonNode.Parse(input)))).ExpectError(422, "'ok_to_mail'");
    }

    [Fact]
    public async Task Dates_use_te_format_a_zero_date_clears_and_te_s_date_only_and_birthday_forms_are_returned()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        var id = await api.CreateAsync("v1/contacts", token, Bodies.Contact()
            .With("last_contacted_date", "2024-05-06 07:08:09")
            .With("pre_approval_issued_date", "2024-05-06")
            .With("close_date", "2016-12-26 10:00:00")
            .With("birthday", "1985-04-03")
            .With("credit_score_date", "2020-01-01 00:00:00"));

        (await api.PatchAsync($"v1/contacts/{id}", token, """{"credit_score_date":"0000-00-00 00:00:00"}""")).Expect(200);

        var contact = (await api.GetAsync($"v1/contacts/{id}", token)).Object;
        Assert.Equal("2024-05-06 07:08:09", contact["last_contacted_date"]!.GetValue<string>());
        Assert.Equal("2024-05-06 00:00:00", contact["pre_approval_issued_date"]!.GetValue<string>());
        Assert.Equal("2016-12-26", contact["close_date"]!.GetValue<string>());
        Assert.Equal("1970-04-03", contact["birthday"]!.GetValue<string>());
        Assert.Null(contact["credit_score_date"]);
    }

    [Fact]
    public async Task Iso_dates_are_refused_unless_configured()
    {
        await using var strict = await TestApi.StartAsync();
        await using var lenient = await TestApi.StartAsync(options => options.AcceptIsoDates = true);
        JsonObject Body() => Bodies.Contact().With("creation_date", "2024-05-06T07:08:09Z");

        (await strict.PostAsync("v1/contacts", await strict.AdminTokenAsync(), Body())).ExpectError(422, "'creation_date'");
        (await lenient.PostAsync("v1/contacts", await lenient.AdminTokenAsync(), Body())).Expect(201);
        Assert.Equal("2024-05-06 07:08:09", Assert.Single(lenient.Sandbox.Inspector.GetState().Contacts)["creation_date"]);
    }

    [Fact]
    public async Task Numbers_sent_for_string_fields_are_kept_as_strings_and_credit_scores_are_checked()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();

        var id = await api.CreateAsync("v1/contacts", token, Bodies.Contact().With("zip_code", 55401).With("credit_score", "very poor"));

        var contact = Assert.Single(api.Sandbox.Inspector.GetState().Contacts);
        Assert.Equal("\"55401\"", contact.Json["zip_code"]!.ToJsonString());
        Assert.Equal("Very Poor", contact["credit_score"]);
        (await api.PatchAsync($"v1/contacts/{id}", token, """{"credit_score":"Stellar"}""")).ExpectError(422, "'credit_score'");
    }

    [Fact]
    public async Task Related_user_ids_can_be_returned_as_strings()
    {
        await using var api = await TestApi.StartAsync(options => options.RelatedUserIdsAsStrings = true);
        var token = await api.AdminTokenAsync();

        var id = await api.CreateAsync("v1/contacts", token, Bodies.Contact());

        Assert.Equal("\"101\"", (await api.GetAsync($"v1/contacts/{id}", token)).Json!["owner"]!["id"]!.ToJsonString());
    }

    [Fact]
    public async Task The_owner_can_be_hidden_from_user_tokens()
    {
        await using var api = await TestApi.StartAsync(options => options.HideOwnerFromUsers = true);
        var user = await api.UserTokenAsync();
        var id = await api.CreateAsync("v1/contacts", user, Bodies.Contact(owner: null));

        Assert.False((await api.GetAsync($"v1/contacts/{id}", user)).Object.ContainsKey("owner"));
        Assert.True((await api.GetAsync($"v1/contacts/{id}", await api.AdminTokenAsync())).Object.ContainsKey("owner"));
    }

    [Fact]
    public async Task Error_messages_keep_their_quotes_unescaped()
    {
        await using var api = await TestApi.StartAsync();

        var reply = await api.PostAsync("v1/contacts", await api.AdminTokenAsync(), Bodies.Contact(owner: "ghost"));

        Assert.Contains("'owner'", reply.Body, StringComparison.Ordinal);
        Assert.Equal("application/json", reply.ContentType);
    }
}
