using TeGen.Sandbox.Formats;
using TeGen.Sandbox.Replies;
using TeGen.Sandbox.Spec;
using TeGen.Sandbox.Store;

namespace TeGen.Sandbox.Domain;

// One of TE's two lead APIs. TE lets an organization use lead opportunities or ALM leads, never both (docs/te-api.md,
// "Leads"): every call, read or write, is refused with 403 when the organization uses the other one, by the options'
// setting or, by default, by holding a record of it.
internal abstract class LeadResource(string collection, Shape? item) : RecordResource(collection, item)
{
    public const string Opportunities = "/v1/lead-opportunities";

    public const string AlmLeads = "/v1/leads";

    public sealed override IEnumerable<StoredEntity> Visible(TeCall call)
    {
        CheckFamily(call);
        return Rows(call);
    }

    public sealed override StoredEntity Find(TeCall call)
    {
        CheckFamily(call);
        return call.RouteId is { } key && Table(call.Store).Find(key) is { } row && call.Caller.Sees(row.Org, row.Owner) ? row : throw NotFound(call);
    }

    public sealed override TeReply Create(TeCall call)
    {
        CheckFamily(call);
        return Add(call);
    }

    protected abstract TeReply Add(TeCall call);

    protected virtual TeException NotFound(TeCall call) => call.NotFound();

    // Both APIs need a way to reach the person: an email or a phone.
    protected static void RequireReachable(TeCall call, int status)
    {
        if (TeValues.IsBlank(call.Body["email"]) && TeValues.IsBlank(call.Body["phone"]))
        {
            throw TeErrors.Status(status, "Missing required field: one of 'email' or 'phone'");
        }
    }

    // The contact a lead names by contact_id: one the caller sees, else TE's 422 for the relationship.
    protected static ContactRecord Contact(TeCall call, string member = "contact_id") =>
        TeValues.TryParseInt(call.Body[member], out var id) && ContactRules.SeenBy(call).FirstOrDefault(contact => contact.Id == id) is { } contact
            ? contact
            : throw TeErrors.Relationship(member);

    private void CheckFamily(TeCall call)
    {
        var other = Collection == Opportunities ? AlmLeads : Opportunities;
        var allowed = call.Options.LeadFamilies switch
        {
            SandboxLeadFamilies.LeadOpportunities => Collection == Opportunities,
            SandboxLeadFamilies.AlmLeads => Collection == AlmLeads,
            SandboxLeadFamilies.Both => true,
            _ => !call.Store.Collection(other).Rows.Any(row => row.Org == call.Org.Name),
        };
        if (!allowed)
        {
            throw TeErrors.Forbidden($"this organization uses {Describe(other)}; TE lets an organization use lead opportunities or ALM leads, not both");
        }
    }

    private static string Describe(string collection) =>
        collection == AlmLeads ? "ALM leads (/v1/leads)" : "lead opportunities (/v1/lead-opportunities)";
}
