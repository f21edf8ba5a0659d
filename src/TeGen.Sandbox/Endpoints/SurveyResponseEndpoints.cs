using System.Text.Json.Nodes;
using TeGen.Sandbox.Hosting;
using TeGen.Sandbox.Store;
using TeGen.Sandbox.Te;

namespace TeGen.Sandbox.Endpoints;

// /v1/contact-survey-responses (facts §8): immutable, so only GET and POST are routed and anything else gets 405.
internal static class SurveyResponseEndpoints
{
    private static readonly ListSpec Spec = new ListSpec()
        .Range("internal_created_at")
        .Owner()
        .Nested("contact_id", "contact", "id")
        .Sortable(["id", "internal_created_at"]);

    public static readonly Resource<ResponseRecord> Resource = new(
        "contact-survey-responses", "contact_survey_response_id", store => store.Responses, response => response.OwnerId, Render, Spec, numericIds: false);

    public static void Map(IEndpointRouteBuilder app, SandboxRuntime runtime)
    {
        Resource.MapReads(app, runtime);
        app.MapTe(runtime, "POST", Resource.Collection, Create);
    }

    // Each answered question is expanded to the full question; TE's example shows no survey member.
    public static JsonObject Render(ResponseRecord response, View view)
    {
        var questions = view.Runtime.Store.Surveys.Find(response.SurveyId)?.Questions ?? [];
        var json = new JsonObject
        {
            ["id"] = response.Id,
            ["internal_created_at"] = View.Date(response.CreatedAt),
            ["question_responses"] = new JsonArray([.. response.Answers.Select(answer => new JsonObject
            {
                ["question"] = questions.FirstOrDefault(question => question.Id == answer.QuestionId) is { } question
                    ? SurveyQuestions.Render(question)
                    : new JsonObject { ["id"] = answer.QuestionId },
                ["response_value"] = answer.Value,
            })]),
            ["contact"] = new JsonObject { ["id"] = response.ContactId },
        };
        return view.WithOwner(json, response.OwnerId);
    }

    private static TeReply Create(TeCall call)
    {
        var items = call.Require("question_responses") as JsonArray ?? throw call.Invalid("Invalid value for field: 'question_responses'");
        var surveyReference = call.Require("survey");
        var contactReference = call.Require("contact");
        var owner = call.Owner();
        var survey = SurveyEndpoints.InOrg(call, TeValues.Text(TeValues.Member(surveyReference, "id"))) ?? throw TeException.Relationship("survey");
        var contact = ContactMatcher.Resolve(contactReference, ContactEndpoints.Resource.Visible(call));
        var answers = items.Select((item, i) => Answer(call, survey, item, i)).ToList();
        return Resource.Created(call, call.New(new ResponseRecord
        {
            Id = SandboxStore.NewHexId(32),
            OwnerId = owner.Id,
            ContactId = contact.Id,
            SurveyId = survey.Id,
            Answers = answers,
        }));
    }

    // The question must belong to the survey; a choice answer must be the `value` of one of its possible answers.
    private static Answer Answer(TeCall call, SurveyRecord survey, JsonNode? item, int index)
    {
        var question = survey.Questions.FirstOrDefault(candidate => candidate.Id == TeValues.Text(TeValues.Member(TeValues.Member(item, "question"), "id")))
            ?? throw TeException.Relationship("question");
        var value = TeValues.Text(TeValues.Member(item, "response_value")) ?? throw call.Missing($"question_responses[{index}].response_value");
        if (question.DataType == "choice" && !question.Choices.Any(choice => choice.Value == value))
        {
            throw new TeException(StatusCodes.Status422UnprocessableEntity,
                $"Invalid response_value for question '{question.SystemName}': '{value}' is not one of {string.Join(", ", question.Choices.Select(choice => $"'{choice.Value}'"))}");
        }

        return new Answer(question.Id, value);
    }
}
