using System.Globalization;
using System.Text.Json.Nodes;
using TeGen.Sandbox.Formats;
using TeGen.Sandbox.Store;

namespace TeGen.Sandbox.Domain;

// /v1/activity is read-only and TE does not say what appears in it. The sandbox fills it with what its engagement
// rules record (campaign touches, unsubscribes, SMS consent), so the feed has entries a test can cause and find
// (docs/te-api.md, "Engagement and compliance").
internal static class ActivityFeed
{
    public const string Collection = "/v1/activity";

    public static void Record(TeCall call, string type, string description, long? contactId = null, long? ownerId = null)
    {
        var table = call.Store.Collection(Collection);
        var entry = call.New(new GenericRecord { Id = table.NextId().ToString(CultureInfo.InvariantCulture), NumericId = true, OwnerId = ownerId });
        entry.Fields["activity_type"] = type;
        entry.Fields["description"] = description;
        entry.Fields["activity_date"] = TeValues.FormatDateTime(call.Now);
        entry.Fields["contact"] = contactId is { } id ? new JsonObject { ["id"] = id } : null;
        table.Add(entry);
    }
}
