using System.Globalization;
using System.Text.Json.Nodes;
using TeGen.Sandbox.Formats;
using TeGen.Sandbox.Paging;
using TeGen.Sandbox.Replies;
using TeGen.Sandbox.Spec;
using TeGen.Sandbox.Store;

namespace TeGen.Sandbox.Domain;

// /v1/campaign-activity: a contact touched by a campaign. Never deduplicated. The campaign is named by id or name, the
// contact by id or a uniqueness set among the owner's contacts (As Admin the owner is required, TE: "when contacts are
// included"). TE's delete has no id in the path; it takes the record's id as the `id` query parameter
// (docs/te-api.md, "Engagement and compliance").
internal sealed class CampaignActivityRules(Shape? item) : RecordResource("/v1/campaign-activity", item)
{
    public override ListSpec Filters => field ??= ListSpec.From(Item)
        .Nested("campaign_id", "campaign", "id")
        .Nested("campaign_name", "campaign", "name")
        .Nested("contact_id", "contact", "id");

    public override TeReply Create(TeCall call)
    {
        var owner = call.Owner();
        var campaign = Campaign(call, call.Require("campaign"));
        var contact = ContactMatcher.Resolve(call.Require("contact"), ContactRules.OwnedBy(call, owner.Id));
        var row = call.New(new GenericRecord { Id = Table(call.Store).NextId().ToString(CultureInfo.InvariantCulture), NumericId = true, OwnerId = owner.Id });
        row.Fields["touched_at"] = call.Body["touched_at"]?.DeepClone() ?? TeValues.FormatDateTime(call.Now);
        row.Fields["campaign"] = new JsonObject { ["id"] = campaign.Id, ["name"] = campaign.Text("name") };
        row.Fields["contact"] = new JsonObject { ["id"] = contact.Id };
        ActivityFeed.Record(call, "campaign_touch", $"Touched by campaign '{campaign.Text("name")}'", contact.Id, owner.Id);
        return Created(call, row);
    }

    public override TeReply? Act(TeCall call, string method)
    {
        if (method != "DELETE")
        {
            return null;
        }

        var id = call.Query["id"].ToString();
        var row = Rows(call).FirstOrDefault(row => row.Key == id) ?? throw call.NotFound();
        return Delete(call, row);
    }

    private static GenericRecord Campaign(TeCall call, JsonNode reference)
    {
        var campaigns = call.Store.Collection("/v1/campaigns").Rows.Where(row => row.Org == call.Org.Name);
        var id = TeValues.Text(TeValues.Member(reference, "id"));
        var name = TeValues.Text(TeValues.Member(reference, "name"));
        var matches = campaigns
            .Where(row => (id is null || row.Id == id) && (name is null || TeValues.SameText(row.Text("name"), name)))
            .Take(2)
            .ToList();
        return (id is not null || name is not null) && matches.Count == 1 ? matches[0] : throw TeErrors.Relationship("campaign");
    }
}
