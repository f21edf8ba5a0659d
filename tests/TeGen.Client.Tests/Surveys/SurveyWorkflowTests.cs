using TeGen.Client.Surveys;
using TeGen.Client.Tests.Support;
using TeGen.Sandbox;

namespace TeGen.Client.Tests.Surveys;

public class SurveyWorkflowTests
{
    private static SurveyDefinition Funnel(string version = "1.0") => new SurveyDefinition("First Time Buyer Funnel", version, "TeGen tests")
        .Decimal("max_price", "What is the most you want to spend?")
        .Choice("first_home", "Is this your first home?", ("Absolutely!", "yes"), ("No", "no"))
        .Text("comments", "Anything else?");

    private static SurveyAnswers Answers() => new() { { "max_price", 265000m }, { "first_home", "yes" }, { "comments", "Near a school" } };

    [Fact]
    public async Task Submit_creates_the_survey_then_the_contact_then_the_response_linked_by_TE_ids()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var workflow = new SurveyWorkflow(connection.CreateAdminClient());

        var submission = await workflow.SubmitAsync(Funnel(), SandboxClients.Contact(sandbox, 1), Answers());

        Assert.True(submission.Survey.WasCreated);
        Assert.True(submission.Contact.IsCreated);
        var state = sandbox.Inspector.GetState();
        var survey = Assert.Single(state.Surveys);
        Assert.Equal(submission.Survey.Id, survey.Id);
        var response = Assert.Single(state.SurveyResponses);
        Assert.Equal(submission.ResponseId, response.Id);
        Assert.Equal(submission.Contact.Id, (long)response.Json["contact"]!["id"]!);
        Assert.Equal(sandbox.Users[0].Id, response.OwnerId);
        var answers = response.Json["question_responses"]!.AsArray()
            .ToDictionary(a => (string)a!["question"]!["id"]!, a => (string)a!["response_value"]!);
        Assert.Equal(
            new Dictionary<string, string>
            {
                [submission.Survey.QuestionId("max_price")] = "265000",
                [submission.Survey.QuestionId("first_home")] = "Absolutely!",
                [submission.Survey.QuestionId("comments")] = "Near a school",
            },
            answers);

        // The contact went out before the response, in a separate request.
        var posts = sandbox.Inspector.GetRequestStats().Recent.Where(r => r.Method == "POST" && r.Path != "/v1/token").Select(r => r.Path).ToList();
        Assert.Equal(["/v1/contact-surveys", "/v1/contacts", "/v1/contact-survey-responses"], posts);
    }

    [Fact]
    public async Task Rerunning_with_the_same_definition_finds_the_survey_instead_of_creating_a_second()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var admin = connection.CreateAdminClient();

        var first = await new SurveyWorkflow(admin).SubmitAsync(Funnel(), SandboxClients.Contact(sandbox, 1), Answers());
        var second = await new SurveyWorkflow(admin).SubmitAsync(Funnel(), SandboxClients.Contact(sandbox, 1), Answers());
        var otherVersion = await new SurveyWorkflow(admin).EnsureSurveyAsync(Funnel("2.0"));

        Assert.True(first.Survey.WasCreated);
        Assert.False(second.Survey.WasCreated);
        Assert.Equal(first.Survey.Id, second.Survey.Id);
        Assert.True(second.Contact.IsDuplicate);
        Assert.Equal(first.Contact.Id, second.Contact.Id);
        Assert.True(otherVersion.WasCreated);
        Assert.Equal(2, sandbox.Inspector.GetState().Surveys.Count);
        Assert.Equal(2, sandbox.Inspector.GetState().SurveyResponses.Count);
    }

    [Fact]
    public async Task Question_ids_are_cached_per_survey_so_a_second_submit_sends_only_contact_and_response()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var workflow = new SurveyWorkflow(connection.CreateAdminClient());
        await workflow.SubmitAsync(Funnel(), SandboxClients.Contact(sandbox, 1), Answers());

        var sent = await RequestLog.CountAsync(sandbox, () => workflow.SubmitAsync(Funnel(), SandboxClients.Contact(sandbox, 2), Answers()));

        Assert.Equal(2, sent);
    }

    public static TheoryData<string, string, string> WrongAnswers => new()
    {
        { "max_price", "about 265k", "not a number" },
        { "max_price", "265,000", "not a number" },
        { "first_home", "Maybe", "'Absolutely!' (yes), 'No' (no)" },
        { "favourite_colour", "blue", "no such question" },
    };

    [Theory]
    [MemberData(nameof(WrongAnswers))]
    public async Task A_wrong_answer_is_refused_before_the_contact_or_the_response_is_sent(string question, string value, string reason)
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var workflow = new SurveyWorkflow(connection.CreateAdminClient());
        await workflow.EnsureSurveyAsync(Funnel());
        var answers = Answers();
        answers[question] = value;

        var refused = await RequestLog.RefusedAsync(sandbox, $"question_responses[{question}]", () => workflow.SubmitAsync(Funnel(), SandboxClients.Contact(sandbox, 1), answers));

        Assert.Contains(reason, refused.Message);
        Assert.Empty(sandbox.Inspector.GetState().Contacts);
        Assert.Empty(sandbox.Inspector.GetState().SurveyResponses);
    }

    [Fact]
    public async Task A_choice_can_be_given_by_its_system_name_and_is_sent_as_its_value()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var workflow = new SurveyWorkflow(connection.CreateAdminClient());
        var survey = await workflow.EnsureSurveyAsync(Funnel());

        var responses = SurveyWorkflow.CheckAnswers(survey, new SurveyAnswers { { "first_home", "no" } });

        Assert.Equal("No", Assert.Single(responses).ResponseValue);
        Assert.Equal(survey.QuestionId("first_home"), responses[0].Question.Id);
    }

    [Fact]
    public async Task An_admin_submit_for_a_contact_without_owner_sends_nothing_for_contact_or_response()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var workflow = new SurveyWorkflow(connection.CreateAdminClient());
        await workflow.EnsureSurveyAsync(Funnel());
        var contact = SandboxClients.Contact(sandbox, 1);
        contact.Owner = null;

        await RequestLog.RefusedAsync(sandbox, "owner", () => workflow.SubmitAsync(Funnel(), contact, Answers()));
    }

    [Fact]
    public async Task A_survey_whose_questions_changed_without_a_new_version_is_reported()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var admin = connection.CreateAdminClient();
        await new SurveyWorkflow(admin).EnsureSurveyAsync(Funnel());

        var changed = Funnel().Text("timeline", "When do you plan to buy?");
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => new SurveyWorkflow(admin).EnsureSurveyAsync(changed));

        Assert.Contains("'timeline'", e.Message);
        Assert.Contains("new version", e.Message);
    }
}
