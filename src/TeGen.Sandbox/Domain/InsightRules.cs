using System.Text.Json.Nodes;
using TeGen.Sandbox.Formats;
using TeGen.Sandbox.Paging;
using TeGen.Sandbox.Replies;
using TeGen.Sandbox.Spec;
using TeGen.Sandbox.Store;

namespace TeGen.Sandbox.Domain;

// /v1/insights: attached to a contact the caller sees, of one of the organization's insight types; never deduplicated.
internal sealed class InsightRules(Shape? item) : Resource<InsightRecord>("/v1/insights", item)
{
    public override ListSpec Filters => field ??= new ListSpec()
        .Owner()
        .Nested("type_id", "type", "id")
        .Nested("contact_id", "contact", "id")
        .Sortable(ListSpec.From(Item).SortFields);

    public override Table<InsightRecord> Table(SandboxStore store) => store.Insights;

    public override TeReply Create(TeCall call)
    {
        // Insight owners are named by id, username or external_id only: TE does not accept an email here.
        var owner = call.Owner(allowEmail: false);
        var type = ResolveType(call.Org, call.Body["type"]!) ?? throw TeErrors.Relationship("type");
        var contact = ContactMatcher.Resolve(call.Body["contact"], ContactRules.SeenBy(call));
        var insight = call.New(new InsightRecord { Id = call.Store.Insights.NextId(), OwnerId = owner.Id, ContactId = contact.Id, TypeId = type.Id });

        // Without dates the insight happens now and lives for its type's default interval.
        insight.Fields["insight_date"] = TeValues.FormatDateTime(call.Now);
        insight.Fields["expires_at"] = TeValues.FormatDateTime(call.Now.AddSeconds(type.ExpirationInterval));
        Attributes.Assign(insight, PlainMembers(call.Body, ["owner", "contact", "type"]));
        return Created(call, insight);
    }

    private static SandboxInsightType? ResolveType(SandboxOrganization org, JsonNode reference)
    {
        var id = TeValues.Member(reference, "id");
        var name = TeValues.Text(TeValues.Member(reference, "type"));
        if (id is null && name is null)
        {
            return null;
        }

        return org.InsightTypes.FirstOrDefault(type =>
            (id is null || (TeValues.TryParseInt(id, out var value) && type.Id == value))
            && (name is null || type.Type.Equals(name, StringComparison.OrdinalIgnoreCase)));
    }
}
