using System.Globalization;
using System.Text.Json.Nodes;
using TeGen.Sandbox.Formats;
using TeGen.Sandbox.Paging;
using TeGen.Sandbox.Replies;
using TeGen.Sandbox.Spec;
using TeGen.Sandbox.Store;

namespace TeGen.Sandbox.Domain;

// /v1/lead-opportunities, TE's newer lead API: UUID ids; a create needs first and last name, source, and an email or a
// phone; every update names contact_id. A contact_id must be a contact the caller sees. As TE documents for this API,
// a missing member is 400, an unknown id 404 with {"message"}, and lists hold 25 a page, refuse a page past the last
// (422) and an unknown filter or sort field (400), whatever the options say for the classic collections. Timestamps
// are ISO 8601, as in TE's example. No owner, never deduplicated.
internal sealed class LeadOpportunityRules(Shape? item) : LeadResource(Opportunities, item)
{
    public const int DefaultPageSize = 25;

    private static readonly string[] Required = ["first_name", "last_name", "source"];

    public override bool ChecksRequired => true;

    public override PageRules Paging(TeSandboxOptions options) =>
        PageRules.From(options) with { DefaultSize = DefaultPageSize, RejectOutOfRange = true, RejectUnknownFields = true };

    protected override TeReply Add(TeCall call)
    {
        foreach (var field in Required)
        {
            Require(call, field);
        }

        RequireReachable(call, StatusCodes.Status400BadRequest);

        var opportunity = call.New(new GenericRecord { Id = Guid.NewGuid().ToString(), NumericId = false });
        opportunity.Fields["created_at"] = Stamp(call);
        Assign(call, opportunity);
        return Created(call, opportunity);
    }

    protected override TeReply Change(TeCall call, GenericRecord opportunity)
    {
        Require(call, "contact_id");
        Assign(call, opportunity);
        return TeReply.EmptyArray();
    }

    protected override TeException NotFound(TeCall call) =>
        new(new TeReply(StatusCodes.Status404NotFound, new JsonObject { ["message"] = $"Lead opportunity '{call.RouteId}' not found" }));

    private void Assign(TeCall call, GenericRecord opportunity)
    {
        var values = PlainMembers(call.Body, ["contact_id"]);
        if (call.Body["contact_id"] is not null)
        {
            values["contact_id"] = Contact(call).Id;
        }

        values["updated_at"] = Stamp(call);
        Attributes.Assign(opportunity, values);
    }

    private static void Require(TeCall call, string field)
    {
        if (TeValues.IsBlank(call.Body[field]))
        {
            throw TeErrors.Missing(StatusCodes.Status400BadRequest, field);
        }
    }

    private static string Stamp(TeCall call) => call.Now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
