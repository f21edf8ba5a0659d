using System.Globalization;
using System.Text.Json.Nodes;
using TeGen.Sandbox.Store;

namespace TeGen.Sandbox.Views;

// Surveys: questions with their ids, sort orders returned as JSON strings as in TE's examples. TE's read example
// does not echo the source (docs/te-api.md, "Members TE never returns").
internal sealed class SurveyView() : RecordView("/v1/contact-surveys")
{
    public override IReadOnlySet<string> Omitted { get; } = new HashSet<string>(StringComparer.Ordinal) { "source" };

    protected override void Compute(JsonObject json, StoredEntity row, View view) =>
        json["questions"] = new JsonArray([.. ((SurveyRecord)row).Questions.Select(Question)]);

    public static JsonObject Question(QuestionRecord question)
    {
        var json = new JsonObject
        {
            ["id"] = question.Id,
            ["question_text"] = question.QuestionText,
            ["system_name"] = question.SystemName,
            ["data_type"] = question.DataType,
            ["sort_order"] = Number(question.SortOrder),
        };
        if (question.DataType == "choice")
        {
            json["possible_choice_answers"] = new JsonArray([.. question.Choices.Select(choice => new JsonObject
            {
                ["value"] = choice.Value,
                ["system_name"] = choice.SystemName,
                ["sort_order"] = Number(choice.SortOrder),
            })]);
        }

        return json;
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
