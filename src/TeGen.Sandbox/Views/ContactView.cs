using System.Globalization;
using System.Text.Json.Nodes;
using TeGen.Sandbox.Formats;
using TeGen.Sandbox.Store;

namespace TeGen.Sandbox.Views;

// Contacts: relationships resolved to what TE shows of them, custom values with their field's description, and
// close_date / list_date returned date-only as in TE's examples.
internal sealed class ContactView() : RecordView("/v1/contacts")
{
    private static readonly string[] DateOnly = ["close_date", "list_date"];

    protected override void Compute(JsonObject json, StoredEntity row, View view)
    {
        var contact = (ContactRecord)row;
        var org = view.Tenants.Organization(contact.Org);
        foreach (var name in DateOnly)
        {
            if (TeValues.Text(contact.Fields.GetValueOrDefault(name)) is { Length: >= 10 } date)
            {
                json[name] = date[..10];
            }
        }

        json["external_ids"] = new JsonArray([.. contact.ExternalIds.Select(pair => new JsonObject { ["source"] = pair.Source, ["external_id"] = pair.ExternalId })]);
        json["contact_groups"] = new JsonArray([.. contact.GroupIds
            .Select(id => view.Store.Groups.Find(id.ToString(CultureInfo.InvariantCulture)))
            .OfType<GroupRecord>()
            .Select(group => new JsonObject { ["id"] = group.Id, ["group_name"] = group.GroupName })]);
        json["custom"] = new JsonArray([.. contact.Custom.Select(entry => new JsonObject
        {
            ["field_name"] = entry.Key,
            ["value"] = entry.Value?.DeepClone(),
            ["description"] = org.CustomFields.FirstOrDefault(field => field.SystemName.Equals(entry.Key, StringComparison.OrdinalIgnoreCase))?.DisplayName,
        })]);
        json["assignee"] = UserRef.Render(contact.AssigneeId, view);
        json["shared_with_users"] = new JsonArray([.. contact.SharedWithIds.Select(id => UserRef.Render(id, view))]);
    }
}
