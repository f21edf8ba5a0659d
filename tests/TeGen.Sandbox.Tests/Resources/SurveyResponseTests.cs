using System.Text.Json.Nodes;
using TeGen.Sandbox.Tests.Support;

namespace TeGen.Sandbox.Tests.Resources;

public sealed class SurveyResponseTests
{
    [Fact]
    public async Task A_response_is_stored_with_a_hex_id_and_read_back_with_questions_expanded()
    {
        await using var api = await TestApi.StartAsync();
        var (token, survey, questions, contact) = await SetUp(api);

        var reply = (await api.PostAsync("v1/contact-survey-responses", token, Response(survey, contact, (questions[0], "265000"), (questions[2], "Nope")))).Expect(201);
        var response = (await api.GetAsync($"v1/contact-survey-responses/{reply.HexId}", token)).Expect(200).Object;

        Assert.Matches("^[0-9a-f]{32}$", reply.HexId);
        Assert.EndsWith($"/v1/contact-survey-responses/{reply.HexId}", reply.Text("created"), StringComparison.Ordinal);
        Assert.Equal($$"""{"id":{{contact}}}""", response["contact"]!.ToJsonString());
        Assert.False(response.ContainsKey("survey"));
        var answers = response["question_responses"]!.AsArray();
        Assert.Equal("265000", answers[0]!["response_value"]!.GetValue<string>());
        Assert.Equal("max_price", answers[0]!["question"]!["system_name"]!.GetValue<string>());
        Assert.Equal("\"3\"", answers[1]!["question"]!["sort_order"]!.ToJsonString());
        Assert.Equal(2, answers[1]!["question"]!["possible_choice_answers"]!.AsArray().Count);
    }

    [Fact]
    public async Task The_contact_and_the_survey_must_exist()
    {
        await using var api = await TestApi.StartAsync();
        var (token, survey, questions, contact) = await SetUp(api);

        var noContact = await api.PostAsync("v1/contact-survey-responses", token, Response(survey, 999, (questions[0], "1")));
        var noSurvey = await api.PostAsync("v1/contact-survey-responses", token, Response("0123456789abcdef", contact, (questions[0], "1")));

        Assert.Equal("""{"error":"Unable to find target for relationship: 'contact'"}""", noContact.Expect(422).Body);
        Assert.Equal("""{"error":"Unable to find target for relationship: 'survey'"}""", noSurvey.Expect(422).Body);
        Assert.Empty(api.Sandbox.Inspector.GetState().SurveyResponses);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("nope")]
    [InlineData("")]
    public async Task A_choice_answer_must_be_the_value_of_a_possible_answer(string answer)
    {
        await using var api = await TestApi.StartAsync();
        var (token, survey, questions, contact) = await SetUp(api);

        (await api.PostAsync("v1/contact-survey-responses", token, Response(survey, contact, (questions[2], answer)))).ExpectError(422, "granite_tops");
    }

    [Fact]
    public async Task A_question_of_another_survey_is_refused()
    {
        await using var api = await TestApi.StartAsync();
        var (token, survey, _, contact) = await SetUp(api);
        var other = (await api.PostAsync("v1/contact-surveys", token, Bodies.Survey("Other"))).Expect(201).HexId;
        var foreign = (await api.GetAsync($"v1/contact-surveys/{other}", token)).Json!["questions"]![0]!["id"]!.GetValue<string>();

        (await api.PostAsync("v1/contact-survey-responses", token, Response(survey, contact, (foreign, "1")))).ExpectRelationship("question");
    }

    [Fact]
    public async Task Responses_are_immutable_and_never_deduplicated()
    {
        await using var api = await TestApi.StartAsync();
        var (token, survey, questions, contact) = await SetUp(api);
        var first = (await api.PostAsync("v1/contact-survey-responses", token, Response(survey, contact, (questions[1], "Hi")))).Expect(201).HexId;
        var second = (await api.PostAsync("v1/contact-survey-responses", token, Response(survey, contact, (questions[1], "Hi")))).Expect(201).HexId;

        Assert.NotEqual(first, second);
        (await api.PatchAsync($"v1/contact-survey-responses/{first}", token, """{"question_responses":[]}""")).Expect(405);
        (await api.DeleteAsync($"v1/contact-survey-responses/{first}", token)).Expect(405);
        (await api.SendAsync(HttpMethod.Put, "v1/contact-survey-responses", token, "{}")).Expect(405);
    }

    [Fact]
    public async Task As_admin_the_owner_is_required_and_as_user_it_is_not()
    {
        await using var api = await TestApi.StartAsync();
        var (token, survey, questions, contact) = await SetUp(api);
        var user = await api.UserTokenAsync();

        (await api.PostAsync("v1/contact-survey-responses", token, Response(survey, contact, (questions[1], "x")).Without("owner"))).ExpectError(422, "'owner'");
        (await api.PostAsync("v1/contact-survey-responses", user, Response(survey, contact, (questions[1], "x")).Without("owner"))).Expect(201);
        Assert.Equal(101, Assert.Single(api.Sandbox.Inspector.GetState().SurveyResponses).OwnerId);
    }

    [Fact]
    public async Task The_contact_may_be_named_by_a_uniqueness_set()
    {
        await using var api = await TestApi.StartAsync();
        var (token, survey, questions, contact) = await SetUp(api);
        var body = Response(survey, contact, (questions[1], "x"));
        body["contact"] = JsonNode.Parse("""{"first_name":"Ann","last_name":"Lee","email":"ann.lee@example.test"}""");

        (await api.PostAsync("v1/contact-survey-responses", token, body)).Expect(201);
        Assert.Equal(contact.ToString(), Assert.Single(api.Sandbox.Inspector.GetState().SurveyResponses).Json["contact"]!["id"]!.ToJsonString());
    }

    private static async Task<(string Token, string Survey, string[] Questions, long Contact)> SetUp(TestApi api)
    {
        var token = await api.AdminTokenAsync();
        var survey = (await api.PostAsync("v1/contact-surveys", token, Bodies.Survey())).Expect(201).HexId;
        var questions = (await api.GetAsync($"v1/contact-surveys/{survey}", token)).Json!["questions"]!.AsArray()
            .Select(question => question!["id"]!.GetValue<string>()).ToArray();
        var contact = await api.CreateAsync("v1/contacts", token, Bodies.Contact());
        return (token, survey, questions, contact);
    }

    private static JsonObject Response(string survey, long contact, params (string Question, string Value)[] answers) => new()
    {
        ["survey"] = Bodies.Ref("id", survey),
        ["contact"] = Bodies.Ref("id", contact),
        ["owner"] = Bodies.Ref("username", "jane-doe-acme"),
        ["question_responses"] = new JsonArray([.. answers.Select(answer => new JsonObject
        {
            ["question"] = Bodies.Ref("id", answer.Question),
            ["response_value"] = answer.Value,
        })]),
    };
}
