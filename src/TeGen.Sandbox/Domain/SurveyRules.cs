using System.Text.Json.Nodes;
using TeGen.Sandbox.Formats;
using TeGen.Sandbox.Paging;
using TeGen.Sandbox.Replies;
using TeGen.Sandbox.Spec;
using TeGen.Sandbox.Store;

namespace TeGen.Sandbox.Domain;

// /v1/contact-surveys: organization-wide, 16-hex-character ids, no owner, questions merged on update.
internal sealed class SurveyRules(Shape? item) : Resource<SurveyRecord>("/v1/contact-surveys", item)
{
    // Questions may be named by id alone on an update; SurveyQuestions checks what a new one needs.
    public override bool ChecksRequired => true;

    public override ListSpec Filters => field ??= new ListSpec()
        .Range("internal_created_at")
        .Equal("survey_name", "version")
        .Sortable(ListSpec.From(Item).SortFields);

    public override Table<SurveyRecord> Table(SandboxStore store) => store.Surveys;

    public static SurveyRecord? InOrg(TeCall call, string? id) =>
        id is not null && call.Store.Surveys.Find(id) is { } survey && survey.Org == call.Org.Name ? survey : null;

    public override TeReply Create(TeCall call)
    {
        foreach (var field in (string[])["source", "survey_name"])
        {
            call.Require(field);
        }

        Questions(call);
        if (call.Options.DeduplicateSurveys
            && Rows(call).FirstOrDefault(survey =>
                TeValues.SameText(survey.Text("survey_name"), TeValues.Text(call.Body["survey_name"]))
                && (survey.Text("version") ?? "") == (TeValues.Text(call.Body["version"]) ?? "")) is { } duplicate)
        {
            Write(call, duplicate);
            return Duplicate(call, duplicate);
        }

        var survey = call.New(new SurveyRecord { Id = SandboxStore.NewHexId(16) });
        Write(call, survey);
        return Created(call, survey);
    }

    // TE's only example answers a survey update like a create, not with the usual [].
    protected override TeReply Change(TeCall call, SurveyRecord survey)
    {
        Write(call, survey);
        return call.Options.SurveyUpdateReturnsEmptyArray
            ? TeReply.EmptyArray()
            : TeReply.Ok(new JsonObject { ["created"] = call.Link(Name, survey.Key), ["id"] = survey.Id });
    }

    // TE insists on a questions array on every write, even an empty one.
    private static JsonArray Questions(TeCall call) =>
        call.Body["questions"] as JsonArray ?? throw call.Missing("questions");

    private void Write(TeCall call, SurveyRecord survey)
    {
        survey.Questions = SurveyQuestions.Merge(call, survey.Questions, Questions(call));
        Attributes.Assign(survey, PlainMembers(call.Body, ["questions"]));
        call.Stamp(survey);
    }
}
