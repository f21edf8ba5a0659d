using System.Text.Json.Nodes;
using TeGen.Sandbox.Hosting;
using TeGen.Sandbox.Store;
using TeGen.Sandbox.Te;

namespace TeGen.Sandbox.Endpoints;

// /v1/contact-surveys (facts §7): organization-wide, 16-hex-character ids, no owner and no DELETE.
internal static class SurveyEndpoints
{
    private static readonly FieldDef[] Fields = [.. FieldDef.Texts("survey_name", "source", "version", "external_id")];

    private static readonly ListSpec Spec = new ListSpec()
        .Range("internal_created_at")
        .Equal("survey_name", "version")
        .Sortable(["id", "survey_name", "version", "external_id", "internal_created_at"]);

    public static readonly Resource<SurveyRecord> Resource =
        new("contact-surveys", "contact_survey_id", store => store.Surveys, _ => null, (survey, _) => Render(survey), Spec, numericIds: false);

    public static void Map(IEndpointRouteBuilder app, SandboxRuntime runtime)
    {
        Resource.MapReads(app, runtime);
        app.MapTe(runtime, "POST", Resource.Collection, Create);
        app.MapTe(runtime, "PATCH", Resource.Item, call =>
        {
            var survey = Resource.Find(call);
            Update(call, survey);

            // TE's only example answers a survey update like a create, not with the usual [].
            return call.Options.SurveyUpdateReturnsEmptyArray
                ? TeReply.EmptyArray()
                : TeReply.Ok(new JsonObject { ["created"] = Resource.Link(call, survey), ["id"] = survey.Id });
        });
    }

    public static SurveyRecord? InOrg(TeCall call, string? id) =>
        id is not null && call.Store.Surveys.Find(id) is { } survey && survey.Org == call.Org.Name ? survey : null;

    // The source is stored but, as in TE's read example, not returned.
    public static JsonObject Render(SurveyRecord survey) => new()
    {
        ["id"] = survey.Id,
        ["survey_name"] = survey.Text("survey_name"),
        ["version"] = survey.Text("version"),
        ["external_id"] = survey.Text("external_id"),
        ["internal_created_at"] = View.Date(survey.CreatedAt),
        ["questions"] = new JsonArray([.. survey.Questions.Select(SurveyQuestions.Render)]),
    };

    private static TeReply Create(TeCall call)
    {
        foreach (var field in (string[])["source", "survey_name"])
        {
            call.Require(field);
        }

        Questions(call);
        if (call.Options.DeduplicateSurveys
            && Resource.Visible(call).FirstOrDefault(survey =>
                TeValues.SameText(survey.Text("survey_name"), TeValues.Text(call.Body["survey_name"]))
                && (survey.Text("version") ?? "") == (TeValues.Text(call.Body["version"]) ?? "")) is { } duplicate)
        {
            Update(call, duplicate);
            return Resource.Duplicate(call, duplicate);
        }

        var survey = call.New(new SurveyRecord { Id = SandboxStore.NewHexId(16) });
        Update(call, survey);
        return Resource.Created(call, survey);
    }

    // TE insists on a questions array on every write, even an empty one.
    private static JsonArray Questions(TeCall call) =>
        call.Body["questions"] as JsonArray ?? throw (call.Body["questions"] is null ? call.Missing("questions") : call.Invalid("Invalid value for field: 'questions'"));

    private static void Update(TeCall call, SurveyRecord survey)
    {
        var values = FieldValues.Read(call, call.Body, Fields);
        survey.Questions = SurveyQuestions.Merge(call, survey.Questions, Questions(call));
        FieldValues.Assign(survey, values);
        call.Stamp(survey);
    }
}
