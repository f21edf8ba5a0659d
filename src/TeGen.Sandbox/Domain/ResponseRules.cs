using System.Text.Json.Nodes;
using TeGen.Sandbox.Formats;
using TeGen.Sandbox.Paging;
using TeGen.Sandbox.Replies;
using TeGen.Sandbox.Spec;
using TeGen.Sandbox.Store;

namespace TeGen.Sandbox.Domain;

// /v1/contact-survey-responses: immutable (the spec has no update or delete), answers checked against the survey.
internal sealed class ResponseRules(Shape? item) : Resource<ResponseRecord>("/v1/contact-survey-responses", item)
{
    public override ListSpec Filters => field ??= new ListSpec()
        .Range("internal_created_at")
        .Owner("_owner")
        .Nested("contact_id", "contact", "id")
        .Sortable(["id", "internal_created_at"]);

    // A blank answer to a choice question is a wrong answer, not a missing one.
    public override bool ChecksRequired => true;

    public override Table<ResponseRecord> Table(SandboxStore store) => store.Responses;

    public override TeReply Create(TeCall call)
    {
        var items = (JsonArray)call.Require("question_responses");
        var surveyReference = call.Require("survey");
        var contactReference = call.Require("contact");
        var owner = call.Owner();
        var survey = SurveyRules.InOrg(call, TeValues.Text(TeValues.Member(surveyReference, "id"))) ?? throw TeErrors.Relationship("survey");
        var contact = ContactMatcher.Resolve(contactReference, ContactRules.SeenBy(call));
        var answers = items.Select((item, i) => Answer(call, survey, item, i)).ToList();
        return Created(call, call.New(new ResponseRecord
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
            ?? throw TeErrors.Relationship("question");
        var value = TeValues.Text(TeValues.Member(item, "response_value")) ?? throw call.Missing($"question_responses[{index}].response_value");
        if (question.DataType == "choice" && !question.Choices.Any(choice => choice.Value == value))
        {
            throw TeErrors.Unprocessable(
                $"Invalid response_value for question '{question.SystemName}': '{value}' is not one of {string.Join(", ", question.Choices.Select(choice => $"'{choice.Value}'"))}");
        }

        return new Answer(question.Id, value);
    }
}
