using System.Globalization;
using TeGen.Sandbox.Spec;
using TeGen.Sandbox.Store;

namespace TeGen.Sandbox.Domain;

// /v1/webhook-actions: the pairs of SandboxWebhookOptions.Actions, read-only, the same for every organization.
internal sealed class WebhookActionRules(Shape? item) : RecordResource(Path, item)
{
    public const string Path = "/v1/webhook-actions";

    public override IEnumerable<StoredEntity> Visible(TeCall call) => call.Options.Webhooks.Actions.Select((pair, index) =>
    {
        var row = new GenericRecord { Id = (index + 1).ToString(CultureInfo.InvariantCulture), NumericId = true };
        row.Place(call.Org.Name, index, call.State.StartedAt);
        row.Fields["item"] = pair.Item;
        row.Fields["action"] = pair.Action;
        return row;
    });

    public override StoredEntity Find(TeCall call) => throw call.NotFound();
}
