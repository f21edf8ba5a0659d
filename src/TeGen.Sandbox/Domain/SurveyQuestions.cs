using System.Text.Json.Nodes;
using TeGen.Sandbox.Formats;
using TeGen.Sandbox.Replies;
using TeGen.Sandbox.Store;

namespace TeGen.Sandbox.Domain;

// Survey questions on input: a create's, or an update's merged into the survey's.
internal static class SurveyQuestions
{
    private static readonly string[] DataTypes = ["decimal", "choice", "text"];

    // A question with a known id, or else with a known system_name, is updated with the members given; any other
    // question is added and needs question_text, system_name and data_type. Questions not mentioned stay.
    public static IReadOnlyList<QuestionRecord> Merge(TeCall call, IReadOnlyList<QuestionRecord> current, JsonArray incoming)
    {
        var merged = current.ToList();
        var named = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < incoming.Count; i++)
        {
            var path = $"questions[{i}]";
            if (incoming[i] is not JsonObject question)
            {
                throw call.Invalid(path);
            }

            var id = TeValues.Text(question["id"]);
            var target = id is not null
                ? merged.FirstOrDefault(existing => existing.Id == id) ?? throw TeErrors.Relationship("questions")
                : merged.FirstOrDefault(existing => existing.SystemName == TeValues.Text(question["system_name"]));
            string Required(string field, string? fallback) =>
                TeValues.Text(question[field]) is { Length: > 0 } value ? value : fallback ?? throw call.Missing($"{path}.{field}");

            var dataType = Required("data_type", target?.DataType).ToLowerInvariant();
            if (!DataTypes.Contains(dataType))
            {
                throw call.Invalid($"{path}.data_type");
            }

            var choices = question["possible_choice_answers"] is JsonArray answers ? Choices(call, answers, path) : target?.Choices ?? [];
            if (dataType == "choice" && choices.Count == 0)
            {
                throw call.Missing($"{path}.possible_choice_answers");
            }

            // Within one request a system_name may appear once; the second would silently overwrite the first.
            if (!named.Add(Required("system_name", target?.SystemName)))
            {
                throw Clash(call, Required("system_name", target?.SystemName));
            }

            var updated = new QuestionRecord(
                target?.Id ?? SandboxStore.NewHexId(16),
                Required("question_text", target?.QuestionText),
                Required("system_name", target?.SystemName),
                dataType,
                SortOrder(call, question, $"{path}.sort_order") ?? target?.SortOrder ?? 0,
                dataType == "choice" ? choices : []);
            if (target is null)
            {
                merged.Add(updated);
            }
            else
            {
                merged[merged.IndexOf(target)] = updated;
            }
        }

        var clash = merged.GroupBy(question => question.SystemName, StringComparer.OrdinalIgnoreCase).FirstOrDefault(group => group.Count() > 1);
        return clash is null ? merged : throw Clash(call, clash.Key);
    }

    private static TeException Clash(TeCall call, string systemName) =>
        call.Invalid("system_name", $"'{systemName}' is used twice in the survey");

    private static List<ChoiceRecord> Choices(TeCall call, JsonArray answers, string path) =>
        [.. answers.Select((answer, j) =>
        {
            var at = $"{path}.possible_choice_answers[{j}]";
            string Required(string field) => TeValues.Text(TeValues.Member(answer, field)) is { Length: > 0 } value ? value : throw call.Missing($"{at}.{field}");
            return new ChoiceRecord(Required("value"), Required("system_name"), answer is JsonObject choice ? SortOrder(call, choice, $"{at}.sort_order") ?? 0 : 0);
        })];

    private static long? SortOrder(TeCall call, JsonObject owner, string path) =>
        owner["sort_order"] is null ? null : TeValues.TryParseInt(owner["sort_order"], out var value) ? value : throw call.Invalid(path);
}
