using System.Text.Json.Nodes;

namespace TeGen.Sandbox.Inspection;

/// <summary>Everything a sandbox has stored, in creation order, across all organizations.</summary>
/// <param name="Contacts">Contacts.</param>
/// <param name="ContactGroups">Contact groups.</param>
/// <param name="ContactNotes">Contact notes.</param>
/// <param name="Surveys">Contact surveys.</param>
/// <param name="SurveyResponses">Contact survey responses.</param>
/// <param name="Insights">Insights.</param>
public sealed record SandboxState(
    IReadOnlyList<StoredRecord> Contacts,
    IReadOnlyList<StoredRecord> ContactGroups,
    IReadOnlyList<StoredRecord> ContactNotes,
    IReadOnlyList<StoredRecord> Surveys,
    IReadOnlyList<StoredRecord> SurveyResponses,
    IReadOnlyList<StoredRecord> Insights)
{
    /// <summary>
    /// Records of every other collection, keyed by path (e.g. <c>/v1/users</c>): the seeded users, insight types and
    /// custom fields, and whatever was stored in a collection the sandbox serves without a rule of its own.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<StoredRecord>> Collections { get; init; } = new Dictionary<string, IReadOnlyList<StoredRecord>>();

    /// <summary>The state as <c>GET /_sandbox/state</c> returns it.</summary>
    /// <returns>An object with one array per resource.</returns>
    public JsonObject ToJson() => new()
    {
        ["contacts"] = Array(Contacts),
        ["contact_groups"] = Array(ContactGroups),
        ["contact_notes"] = Array(ContactNotes),
        ["contact_surveys"] = Array(Surveys),
        ["contact_survey_responses"] = Array(SurveyResponses),
        ["insights"] = Array(Insights),
        ["collections"] = new JsonObject(Collections.Select(entry => KeyValuePair.Create(entry.Key, (JsonNode?)Array(entry.Value)))),
    };

    private static JsonArray Array(IEnumerable<StoredRecord> records) => new([.. records.Select(record => record.Json.DeepClone())]);
}
