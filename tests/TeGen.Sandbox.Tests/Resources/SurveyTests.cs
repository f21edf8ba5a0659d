using System.Text.Json.Nodes;
using TeGen.Sandbox.Tests.Support;

namespace TeGen.Sandbox.Tests.Resources;

public sealed class SurveyTests
{
    [Fact]
    public async Task A_survey_gets_a_16_hex_id_and_its_questions_hex_ids_with_sort_order_as_strings()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();

        var reply = (await api.PostAsync("v1/contact-surveys", token, Bodies.Survey())).Expect(201);
        var survey = (await api.GetAsync($"v1/contact-surveys/{reply.HexId}", token)).Expect(200).Object;

        Assert.Matches("^[0-9a-f]{16}$", reply.HexId);
        Assert.EndsWith($"/v1/contact-surveys/{reply.HexId}", reply.Text("created"), StringComparison.Ordinal);
        Assert.Equal(("First Time Buyer Funnel", "1.3"), (survey["survey_name"]!.GetValue<string>(), survey["version"]!.GetValue<string>()));
        var questions = survey["questions"]!.AsArray();
        Assert.All(questions, question => Assert.Matches("^[0-9a-f]+$", question!["id"]!.GetValue<string>()));
        Assert.Equal(["\"1\"", "\"2\"", "\"3\""], questions.Select(question => question!["sort_order"]!.ToJsonString()));
        Assert.False(questions[0]!.AsObject().ContainsKey("possible_choice_answers"));
        Assert.Equal(
            """[{"value":"Absolutely!","system_name":"yes","sort_order":"0"},{"value":"Nope","system_name":"no","sort_order":"1"}]""",
            questions[2]!["possible_choice_answers"]!.ToJsonString());
    }

    [Theory]
    [InlineData("source")]
    [InlineData("survey_name")]
    [InlineData("questions")]
    public async Task Source_name_and_questions_are_required(string field)
    {
        await using var api = await TestApi.StartAsync();

        (await api.PostAsync("v1/contact-surveys", await api.AdminTokenAsync(), Bodies.Survey().Without(field))).ExpectError(422, $"'{field}'");
    }

    [Theory]
    [InlineData("""{"question_text":"Q","system_name":"q","data_type":"choice"}""", "possible_choice_answers")]
    [InlineData("""{"question_text":"Q","system_name":"q","data_type":"date"}""", "data_type")]
    [InlineData("""{"system_name":"q","data_type":"text"}""", "question_text")]
    [InlineData("""{"question_text":"Q","system_name":"comments","data_type":"text"}""", "comments")]
    [InlineData("""{"question_text":"Q","system_name":"q","data_type":"choice","possible_choice_answers":[{"value":"Yes"}]}""", "system_name")]
    public async Task Invalid_questions_are_refused(string question, string fragment)
    {
        await using var api = await TestApi.StartAsync();
        var body = Bodies.Survey();
        body["questions"]!.AsArray().Add(JsonNode.Parse(question));

        (await api.PostAsync("v1/contact-surveys", await api.AdminTokenAsync(), body)).ExpectError(422, fragment);
        Assert.Empty(api.Sandbox.Inspector.GetState().Surveys);
    }

    [Fact]
    public async Task Patch_requires_a_questions_array_and_merges_questions_by_id_or_system_name()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        var id = (await api.PostAsync("v1/contact-surveys", token, Bodies.Survey())).Expect(201).HexId;
        var comments = (await api.GetAsync($"v1/contact-surveys/{id}", token)).Json!["questions"]![1]!["id"]!.GetValue<string>();

        (await api.PatchAsync($"v1/contact-surveys/{id}", token, """{"version":"1.4"}""")).ExpectError(422, "'questions'");
        var empty = (await api.PatchAsync($"v1/contact-surveys/{id}", token, """{"questions":[]}""")).Expect(200);
        (await api.PatchAsync($"v1/contact-surveys/{id}", token, $$"""
            {"version":"1.4","questions":[
              {"id":"{{comments}}","question_text":"Any other wishes?"},
              {"system_name":"max_price","sort_order":"9"},
              {"question_text":"Move-in date?","system_name":"move_in","data_type":"text"}]}
            """)).Expect(200);

        Assert.Equal(id, empty.HexId);
        Assert.EndsWith($"/v1/contact-surveys/{id}", empty.Text("created"), StringComparison.Ordinal);
        var survey = (await api.GetAsync($"v1/contact-surveys/{id}", token)).Json!;
        var questions = survey["questions"]!.AsArray();
        Assert.Equal("1.4", survey["version"]!.GetValue<string>());
        Assert.Equal(["max_price", "comments", "granite_tops", "move_in"], questions.Select(question => question!["system_name"]!.GetValue<string>()));
        Assert.Equal(comments, questions[1]!["id"]!.GetValue<string>());
        Assert.Equal("Any other wishes?", questions[1]!["question_text"]!.GetValue<string>());
        Assert.Equal("9", questions[0]!["sort_order"]!.GetValue<string>());
        (await api.PatchAsync($"v1/contact-surveys/{id}", token, """{"questions":[{"id":"ffffffffffffffff","question_text":"?"}]}""")).ExpectRelationship("questions");
    }

    [Fact]
    public async Task A_survey_patch_can_answer_an_empty_array_instead()
    {
        await using var api = await TestApi.StartAsync(options => options.SurveyUpdateReturnsEmptyArray = true);
        var token = await api.AdminTokenAsync();
        var id = (await api.PostAsync("v1/contact-surveys", token, Bodies.Survey())).Expect(201).HexId;

        Assert.Equal("[]", (await api.PatchAsync($"v1/contact-surveys/{id}", token, """{"questions":[]}""")).Expect(200).Body);
    }

    [Fact]
    public async Task Surveys_cannot_be_deleted()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        var id = (await api.PostAsync("v1/contact-surveys", token, Bodies.Survey())).Expect(201).HexId;

        (await api.DeleteAsync($"v1/contact-surveys/{id}", token)).Expect(405);
    }

    [Fact]
    public async Task Surveys_are_not_deduplicated_unless_configured()
    {
        await using var plain = await TestApi.StartAsync();
        await using var dedup = await TestApi.StartAsync(options => options.DeduplicateSurveys = true);
        var plainToken = await plain.AdminTokenAsync();
        var dedupToken = await dedup.AdminTokenAsync();

        (await plain.PostAsync("v1/contact-surveys", plainToken, Bodies.Survey())).Expect(201);
        (await plain.PostAsync("v1/contact-surveys", plainToken, Bodies.Survey())).Expect(201);
        var first = (await dedup.PostAsync("v1/contact-surveys", dedupToken, Bodies.Survey())).Expect(201).HexId;
        var second = (await dedup.PostAsync("v1/contact-surveys", dedupToken, Bodies.Survey())).Expect(200);

        Assert.Equal(first, second.HexId);
        Assert.EndsWith(first, second.Text("duplicate"), StringComparison.Ordinal);
        Assert.Equal(3, Assert.Single(dedup.Sandbox.Inspector.GetState().Surveys).Json["questions"]!.AsArray().Count);
    }

    [Fact]
    public async Task Surveys_are_organization_wide_and_filterable_by_name()
    {
        await using var api = await TestApi.StartAsync();
        var admin = await api.AdminTokenAsync();
        var id = (await api.PostAsync("v1/contact-surveys", admin, Bodies.Survey())).Expect(201).HexId;
        (await api.PostAsync("v1/contact-surveys", admin, Bodies.Survey("Refinance Check"))).Expect(201);
        var user = await api.UserTokenAsync("maria-garcia-acme");

        var found = (await api.GetAsync("v1/contact-surveys?filter=survey_name=First%20Time%20Buyer%20Funnel", user)).Expect(200);

        Assert.Equal(id, Assert.Single(found.Items)!["id"]!.GetValue<string>());
        Assert.Equal(2, (await api.GetAsync("v1/contact-surveys", user)).Items.Count);
    }
}
