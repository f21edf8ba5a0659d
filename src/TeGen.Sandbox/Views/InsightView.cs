using System.Text.Json.Nodes;
using TeGen.Sandbox.Store;

namespace TeGen.Sandbox.Views;

// Insights: the contact by id and the type by id and name.
internal sealed class InsightView() : RecordView("/v1/insights")
{
    protected override void Compute(JsonObject json, StoredEntity row, View view)
    {
        var insight = (InsightRecord)row;
        json["contact"] = new JsonObject { ["id"] = insight.ContactId };
        json["type"] = view.Tenants.Organization(insight.Org).InsightTypes.FirstOrDefault(type => type.Id == insight.TypeId) is { } known
            ? new JsonObject { ["id"] = known.Id, ["type"] = known.Type }
            : new JsonObject { ["id"] = insight.TypeId };
    }
}
