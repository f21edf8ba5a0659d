using System.Text.Json.Nodes;
using TeGen.Sandbox.Hosting;
using TeGen.Sandbox.Store;
using TeGen.Sandbox.Te;

namespace TeGen.Sandbox.Endpoints;

// /v1/insights and /v1/insight-types (facts §9).
internal static class InsightEndpoints
{
    private static readonly FieldDef[] Fields =
        [new("data", FieldKind.Object), new("insight_date", FieldKind.DateTime), new("expires_at", FieldKind.DateTime)];

    private static readonly ListSpec Spec = new ListSpec()
        .Owner()
        .Nested("type_id", "type", "id")
        .Nested("contact_id", "contact", "id")
        .Sortable(["id", "insight_date", "expires_at", "internal_updated_at"]);

    private static readonly ListSpec TypeSpec = new ListSpec()
        .Equal("type")
        .Sortable(["id", "type", "description", "expiration_interval", "internal_created_at", "internal_updated_at"]);

    public static readonly Resource<InsightRecord> Resource = new("insights", "insight_id", store => store.Insights, insight => insight.OwnerId, Render, Spec);

    public static void Map(IEndpointRouteBuilder app, SandboxRuntime runtime)
    {
        Resource.MapReads(app, runtime);
        app.MapTe(runtime, "POST", Resource.Collection, Create);
        app.MapTe(runtime, "GET", "/v1/insight-types", call => Listing.Page(call, call.Org.InsightTypes.Select(type => RenderType(type, call.Runtime)), TypeSpec));
    }

    public static JsonObject Render(InsightRecord insight, View view)
    {
        var json = new JsonObject { ["id"] = insight.Id };
        FieldValues.Render(json, insight, Fields);
        json["internal_updated_at"] = View.Date(insight.UpdatedAt);
        json["contact"] = new JsonObject { ["id"] = insight.ContactId };
        json["type"] = view.Runtime.Tenants.Organization(insight.Org).InsightTypes.FirstOrDefault(type => type.Id == insight.TypeId) is { } known
            ? new JsonObject { ["id"] = known.Id, ["type"] = known.Type }
            : new JsonObject { ["id"] = insight.TypeId };
        return view.WithOwner(json, insight.OwnerId);
    }

    private static JsonObject RenderType(SandboxInsightType type, SandboxRuntime runtime) => new()
    {
        ["id"] = type.Id,
        ["type"] = type.Type,
        ["description"] = type.Description,
        ["expiration_interval"] = type.ExpirationInterval,
        ["internal_created_at"] = View.Date(runtime.StartedAt),
        ["internal_updated_at"] = View.Date(runtime.StartedAt),
    };

    private static TeReply Create(TeCall call)
    {
        var contactReference = call.Require("contact");
        var typeReference = call.Require("type");
        var values = FieldValues.Read(call, call.Body, Fields);

        // Insight owners are named by id, username or external_id only: TE does not accept an email here.
        var owner = call.Owner(allowEmail: false);
        var type = ResolveType(call.Org, typeReference) ?? throw TeException.Relationship("type");
        var contact = ContactMatcher.Resolve(contactReference, ContactEndpoints.Resource.Visible(call));
        var insight = call.New(new InsightRecord { Id = call.Store.Insights.NextId(), OwnerId = owner.Id, ContactId = contact.Id, TypeId = type.Id });

        // Without dates the insight happens now and lives for its type's default interval.
        insight.Fields["insight_date"] = View.Date(call.Now);
        insight.Fields["expires_at"] = View.Date(call.Now.AddSeconds(type.ExpirationInterval));
        FieldValues.Assign(insight, values);
        return Resource.Created(call, insight);
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
