using System.Globalization;
using System.Text.Json.Nodes;
using TeGen.Sandbox.Formats;
using TeGen.Sandbox.Paging;
using TeGen.Sandbox.Replies;
using TeGen.Sandbox.Spec;
using TeGen.Sandbox.Store;

namespace TeGen.Sandbox.Domain;

// /v1/contacts: the create minimum, required groups, deduplication within the owner's contacts, owner transfer.
internal sealed class ContactRules(Shape? item) : Resource<ContactRecord>("/v1/contacts", item)
{
    public override bool ChecksRequired => true;

    public override ListSpec Filters => field ??= new ListSpec()
        .Range("internal_updated_at")
        .Owner()
        .Equal("first_name", "last_name", "email", "external_id", "source")
        .Contains("first_name", "last_name", "email")
        .Any("group_id", "contact_groups", "id")
        .Any("group_name", "contact_groups", "group_name")
        .Custom("phone_cell", (row, value) => SamePhone(row, "phone_cell", value))
        .Custom("phone_home", (row, value) => SamePhone(row, "phone_home", value))
        .Custom("phone_office", (row, value) => SamePhone(row, "phone_office", value))
        // TE's spelling. Contacts are deleted, never archived, here: nothing matches "archived".
        .Custom("archieved", (_, value) => TeValues.TryParseBool(value, out var archived) && !archived)
        .Sortable(ListSpec.From(Item).SortFields);

    public override Table<ContactRecord> Table(SandboxStore store) => store.Contacts;

    // The contacts a survey response or an insight may name: any the caller sees.
    public static IEnumerable<ContactRecord> SeenBy(TeCall call) =>
        call.Store.Contacts.Rows.Where(contact => call.Caller.Sees(contact.Org, contact.OwnerId));

    public static IEnumerable<ContactRecord> OwnedBy(TeCall call, long ownerId) =>
        call.Store.Contacts.Rows.Where(contact => contact.Org == call.Org.Name && contact.OwnerId == ownerId);

    public override TeReply Create(TeCall call)
    {
        // A POST naming a visible contact's id updates it: TE's route for an admin transferring a contact to a new owner.
        if (TeValues.TryParseInt(call.Body["id"], out var id)
            && call.Store.Contacts.Find(id.ToString(CultureInfo.InvariantCulture)) is { } named
            && call.Caller.Sees(named.Org, named.OwnerId))
        {
            Change(call, named);
            return Duplicate(call, named);
        }

        foreach (var field in (string[])["source", "first_name", "last_name"])
        {
            call.Require(field);
        }

        if (!HasReachableDetail(call.Body))
        {
            throw TeErrors.Status(call.Options.ValidationErrorStatus,
                "Missing required field: one of 'email', 'phone_cell', 'phone_home', 'phone_office' or the full address ('address', 'city', 'state', 'zip_code')");
        }

        var owner = call.Owner();
        var input = Input(call, owner.Id, allowRevoke: false);
        var missingGroup = call.Org.RequiredContactGroups.FirstOrDefault(required => !input.AddGroups.Any(group => TeValues.SameText(group.Name, required)));
        if (missingGroup is not null)
        {
            throw TeErrors.Status(call.Options.RequiredGroupErrorStatus, $"Missing required contact group: '{missingGroup}'");
        }

        // Deduplication looks only at the owner's contacts (TE: per user, not organization-wide).
        if (ContactMatcher.FindDuplicate(OwnedBy(call, owner.Id), input.Text, input.ExternalIds) is { } duplicate)
        {
            input.ApplyTo(duplicate, call, owner.Id, call.Body);
            WebhookEvents.ContactChanged(call, duplicate, WebhookEvents.Updated);
            return Duplicate(call, duplicate);
        }

        var contact = call.New(new ContactRecord { Id = call.Store.Contacts.NextId(), OwnerId = owner.Id });
        input.ApplyTo(contact, call, owner.Id, call.Body);
        WebhookEvents.ContactChanged(call, contact, WebhookEvents.Created);
        return Created(call, contact);
    }

    // PATCH /v1/contacts names the contact by its fields (ContactByFields); a consent change joins the activity feed.
    public override TeReply? Act(TeCall call, string method)
    {
        if (method != "PATCH")
        {
            return null;
        }

        var contact = ContactByFields.Find(call);
        var reply = Update(call, contact);
        foreach (var (member, type) in (ReadOnlySpan<(string, string)>)[("grant_consent", "consent_granted"), ("revoke_consent", "consent_revoked")])
        {
            if (call.Body[member] is not null)
            {
                ActivityFeed.Record(call, type, $"AI call consent {type[8..]}", contact.Id, contact.OwnerId);
            }
        }

        return reply;
    }

    // Only an admin can move a contact to another owner; a user's contact stays the user's.
    protected override TeReply Change(TeCall call, ContactRecord contact)
    {
        var ownerId = call.Caller.IsAdmin && call.Body["owner"] is not null ? call.Owner().Id : contact.OwnerId;
        Input(call, ownerId, allowRevoke: true).ApplyTo(contact, call, ownerId, call.Body);
        WebhookEvents.ContactChanged(call, contact, WebhookEvents.Updated);
        return TeReply.EmptyArray();
    }

    protected override void Detach(TeCall call, ContactRecord contact) => WebhookEvents.ContactChanged(call, contact, WebhookEvents.Deleted);

    private ContactInput Input(TeCall call, long ownerId, bool allowRevoke) =>
        ContactInput.Read(call, PlainMembers(call.Body, ContactInput.Handled), ownerId, allowRevoke);

    // TE's way to reach a contact it creates: an email, a phone or the complete address (a loan's role contacts too).
    public static bool HasReachableDetail(JsonObject body) =>
        ((string[])["email", .. ContactMatcher.Phones]).Any(field => !TeValues.IsBlank(body[field]))
        || ContactMatcher.Address.All(field => !TeValues.IsBlank(body[field]));

    private static bool SamePhone(JsonObject row, string field, string value) =>
        TeValues.PhoneKey(TeValues.Text(row[field])) is { } key ? key == TeValues.PhoneKey(value) : TeValues.SameText(TeValues.Text(row[field]), value);
}
