using System.Text.Json.Nodes;
using TeGen.Sandbox.Hosting;
using TeGen.Sandbox.Store;
using TeGen.Sandbox.Te;

namespace TeGen.Sandbox.Endpoints;

// /v1/contacts (facts §5).
internal static class ContactEndpoints
{
    private static readonly ListSpec Spec = new ListSpec()
        .Range("internal_updated_at")
        .Owner()
        .Equal("first_name", "last_name", "email", "external_id", "source")
        .Contains("first_name", "last_name", "email")
        .Any("group_id", "contact_groups", "id")
        .Any("group_name", "contact_groups", "group_name")
        .Custom("phone_cell", (item, value) => SamePhone(item, "phone_cell", value))
        .Custom("phone_home", (item, value) => SamePhone(item, "phone_home", value))
        .Custom("phone_office", (item, value) => SamePhone(item, "phone_office", value))
        // TE's spelling. Contacts are deleted, never archived, here: nothing matches "archived".
        .Custom("archieved", (_, value) => TeValues.TryParseBool(value, out var archived) && !archived)
        .Sortable(["id", "internal_created_at", "internal_updated_at", .. ContactFields.All.Select(field => field.Name)]);

    public static readonly Resource<ContactRecord> Resource = new("contacts", "contact_id", store => store.Contacts, contact => contact.OwnerId, Render, Spec);

    public static void Map(IEndpointRouteBuilder app, SandboxRuntime runtime)
    {
        Resource.MapReads(app, runtime);
        app.MapTe(runtime, "POST", Resource.Collection, Create);
        Resource.MapPatch(app, runtime, Update);
        Resource.MapDelete(app, runtime);
    }

    public static IEnumerable<ContactRecord> OwnedBy(TeCall call, long ownerId) =>
        call.Store.Contacts.Rows.Where(contact => contact.Org == call.Org.Name && contact.OwnerId == ownerId);

    public static JsonObject Render(ContactRecord contact, View view)
    {
        var store = view.Runtime.Store;
        var org = view.Runtime.Tenants.Organization(contact.Org);
        var json = new JsonObject { ["id"] = contact.Id };
        FieldValues.Render(json, contact, ContactFields.All);
        json["preferences"] = new JsonObject { ["is_silenced"] = contact.IsSilenced };
        json["external_ids"] = new JsonArray([.. contact.ExternalIds.Select(pair => new JsonObject { ["source"] = pair.Source, ["external_id"] = pair.ExternalId })]);
        json["contact_groups"] = new JsonArray([.. contact.GroupIds
            .Select(id => store.Groups.Find(id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .OfType<GroupRecord>()
            .Select(group => new JsonObject { ["id"] = group.Id, ["group_name"] = group.GroupName })]);
        json["custom"] = new JsonArray([.. contact.Custom.Select(entry => new JsonObject
        {
            ["field_name"] = entry.Key,
            ["value"] = entry.Value?.DeepClone(),
            ["description"] = org.CustomFields.FirstOrDefault(field => field.SystemName.Equals(entry.Key, StringComparison.OrdinalIgnoreCase))?.DisplayName,
        })]);
        json["assignee"] = view.User(contact.AssigneeId);
        json["shared_with_users"] = new JsonArray([.. contact.SharedWithIds.Select(id => view.User(id))]);
        json["internal_created_at"] = View.Date(contact.CreatedAt);
        json["internal_updated_at"] = View.Date(contact.UpdatedAt);
        return view.WithOwner(json, contact.OwnerId);
    }

    private static TeReply Create(TeCall call)
    {
        // A POST naming a visible contact's id updates it: TE's route for an admin transferring a contact to a new owner.
        if (TeValues.TryParseInt(call.Body["id"], out var id)
            && call.Store.Contacts.Find(id.ToString(System.Globalization.CultureInfo.InvariantCulture)) is { } named
            && call.Caller.Sees(named.Org, named.OwnerId))
        {
            Update(call, named);
            return Resource.Duplicate(call, named);
        }

        foreach (var field in (string[])["source", "first_name", "last_name"])
        {
            call.Require(field);
        }

        if (!HasReachableDetail(call.Body))
        {
            throw call.Invalid("Missing required field: one of 'email', 'phone_cell', 'phone_home', 'phone_office' or the full address ('address', 'city', 'state', 'zip_code')");
        }

        var owner = call.Owner();
        var input = ContactInput.Read(call, owner.Id, allowRevoke: false);
        var missingGroup = call.Org.RequiredContactGroups.FirstOrDefault(required => !input.AddGroups.Any(group => TeValues.SameText(group.Name, required)));
        if (missingGroup is not null)
        {
            throw new TeException(call.Options.RequiredGroupErrorStatus, $"Missing required contact group: '{missingGroup}'");
        }

        // Deduplication looks only at the owner's contacts (TE: per user, not organization-wide).
        if (ContactMatcher.FindDuplicate(OwnedBy(call, owner.Id), input.Text, input.ExternalIds) is { } duplicate)
        {
            input.ApplyTo(duplicate, call, owner.Id);
            return Resource.Duplicate(call, duplicate);
        }

        var contact = call.New(new ContactRecord { Id = call.Store.Contacts.NextId(), OwnerId = owner.Id });
        input.ApplyTo(contact, call, owner.Id);
        return Resource.Created(call, contact);
    }

    // Only an admin can move a contact to another owner; a user's contact stays the user's.
    private static void Update(TeCall call, ContactRecord contact)
    {
        var ownerId = call.Caller.IsAdmin && call.Body["owner"] is not null ? call.Owner().Id : contact.OwnerId;
        ContactInput.Read(call, ownerId, allowRevoke: true).ApplyTo(contact, call, ownerId);
    }

    private static bool HasReachableDetail(JsonObject body) =>
        ((string[])["email", .. ContactFields.Phones]).Any(field => !TeValues.IsBlank(body[field]))
        || ContactFields.Address.All(field => !TeValues.IsBlank(body[field]));

    private static bool SamePhone(JsonObject item, string field, string value) =>
        TeValues.PhoneKey(TeValues.Text(item[field])) is { } key ? key == TeValues.PhoneKey(value) : TeValues.SameText(TeValues.Text(item[field]), value);
}
