using System.Text.Json.Nodes;
using TeGen.Sandbox.Store;

namespace TeGen.Sandbox.Views;

// Survey responses: each answered question expanded to the full question. TE's example shows neither the survey nor
// an owner (docs/te-api.md, "Members TE never returns").
internal sealed class ResponseView() : RecordView("/v1/contact-survey-responses")
{
    public override IReadOnlySet<string> Omitted { get; } = new HashSet<string>(StringComparer.Ordinal) { "survey", "owner" };

    protected override void Compute(JsonObject json, StoredEntity row, View view)
    {
        var response = (ResponseRecord)row;
        var questions = view.Store.Surveys.Find(response.SurveyId)?.Questions ?? [];
        json["question_responses"] = new JsonArray([.. response.Answers.Select(answer => new JsonObject
        {
            ["question"] = questions.FirstOrDefault(question => question.Id == answer.QuestionId) is { } question
                ? SurveyView.Question(question)
                : new JsonObject { ["id"] = answer.QuestionId },
            ["response_value"] = answer.Value,
        })]);
        json["contact"] = new JsonObject { ["id"] = response.ContactId };

        // Not returned, but the list's owner filters need it.
        json["_owner"] = UserRef.Render(response.OwnerId, view);
    }
}
