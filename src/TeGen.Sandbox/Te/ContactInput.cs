using System.Text.Json.Nodes;
using TeGen.Sandbox.Endpoints;
using TeGen.Sandbox.Store;

namespace TeGen.Sandbox.Te;

// A contact create or update body, fully validated before anything is changed, so a 422 leaves the store untouched.
internal sealed class ContactInput
{
    private static readonly string[] ConsentFields =
        ["communication_agent", "communication_channel", "channel_target", "contact_purpose", "consent_language", "ip_address"];

    private static readonly Dictionary<string, FieldKind> CustomKinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["boolean"] = FieldKind.Boolean,
        ["date"] = FieldKind.DateOnly,
        ["datetime"] = FieldKind.DateTime,
    };

    private ContactInput(Dictionary<string, JsonNode?> fields) => Fields = fields;

    public Dictionary<string, JsonNode?> Fields { get; }

    public List<ExternalIdPair> ExternalIds { get; private init; } = [];

    public List<GroupChoice> AddGroups { get; private init; } = [];

    public List<GroupChoice> RemoveGroups { get; private init; } = [];

    public Dictionary<string, JsonNode?> Custom { get; } = new(StringComparer.OrdinalIgnoreCase);

    public bool? IsSilenced { get; private init; }

    public bool AssigneeGiven { get; private init; }

    public SandboxUser? Assignee { get; private init; }

    public List<SandboxUser> SharedWith { get; private init; } = [];

    public bool GrantConsent { get; private init; }

    public bool RevokeConsent { get; private init; }

    public string? Text(string field) => Fields.TryGetValue(field, out var value) ? TeValues.Text(value) : null;

    // Groups are resolved among the groups of the (possibly new) owner.
    public static ContactInput Read(TeCall call, long ownerId, bool allowRevoke)
    {
        var body = call.Body;
        var org = call.Org;
        var input = new ContactInput(FieldValues.Read(call, body, ContactFields.All))
        {
            ExternalIds = ContactMatcher.ReadExternalIds(body["external_ids"], () => call.Invalid("Invalid value for field: 'external_ids'")),
            AddGroups = Groups(call, ownerId, body["contact_groups"], "contact_groups"),
            RemoveGroups = Groups(call, ownerId, body["remove_contact_groups"], "remove_contact_groups"),
            IsSilenced = body["preferences"] is JsonObject preferences && preferences.ContainsKey("is_silenced")
                ? (bool?)FieldValues.Parse(call, new FieldDef("is_silenced", FieldKind.Boolean), preferences["is_silenced"]) ?? false
                : null,
            AssigneeGiven = body.ContainsKey("assignee"),
            Assignee = body["assignee"] is null ? null : UserRefs.Resolve(body["assignee"], org, "assignee"),
            SharedWith = [.. Array(body["shared_with_users"]).Select(user => UserRefs.Resolve(user, org, "shared_with_users"))],
            GrantConsent = Consent(call, body["grant_consent"], "grant_consent", ["capture_source", .. ConsentFields]),
            RevokeConsent = allowRevoke && Consent(call, body["revoke_consent"], "revoke_consent", ConsentFields),
        };

        foreach (var item in Array(body["custom"]))
        {
            var name = TeValues.Text(TeValues.Member(item, "field_name"));
            var definition = org.CustomFields.FirstOrDefault(field =>
                field.EntityType.Equals("contact", StringComparison.OrdinalIgnoreCase) && field.SystemName.Equals(name, StringComparison.OrdinalIgnoreCase))
                ?? throw TeException.Relationship("custom");
            var kind = CustomKinds.GetValueOrDefault(definition.DataType, FieldKind.Text);
            input.Custom[definition.SystemName] = FieldValues.Parse(call, new FieldDef($"custom.{definition.SystemName}", kind), TeValues.Member(item, "value"));
        }

        return input;
    }

    public void ApplyTo(ContactRecord contact, TeCall call, long ownerId)
    {
        if (RevokeConsent && !contact.ConsentGranted && !GrantConsent)
        {
            throw call.Invalid("Consent cannot be revoked: it was never granted");
        }

        contact.OwnerId = ownerId;

        FieldValues.Assign(contact, Fields);
        foreach (var pair in ExternalIds)
        {
            contact.ExternalIds.RemoveAll(existing => existing.Source == pair.Source);
            contact.ExternalIds.Add(pair);
        }

        foreach (var choice in AddGroups)
        {
            var group = choice.Existing ?? ContactGroupEndpoints.FindOrCreate(call, contact.OwnerId, choice.Name);
            if (!contact.GroupIds.Contains(group.Id))
            {
                contact.GroupIds.Add(group.Id);
            }
        }

        contact.GroupIds.RemoveAll(id => RemoveGroups.Any(choice => choice.Existing?.Id == id));
        foreach (var (name, value) in Custom)
        {
            if (value is null)
            {
                contact.Custom.Remove(name);
            }
            else
            {
                contact.Custom[name] = value;
            }
        }

        contact.IsSilenced = IsSilenced ?? contact.IsSilenced;
        contact.AssigneeId = AssigneeGiven ? Assignee?.Id : contact.AssigneeId;
        contact.SharedWithIds.AddRange(SharedWith.Select(user => user.Id).Where(id => !contact.SharedWithIds.Contains(id)).Distinct());
        contact.ConsentGranted = GrantConsent || (contact.ConsentGranted && !RevokeConsent);
        call.Stamp(contact);
    }

    private static IEnumerable<JsonNode?> Array(JsonNode? node) => node as JsonArray ?? [];

    private static List<GroupChoice> Groups(TeCall call, long ownerId, JsonNode? node, string relationship)
    {
        var owned = call.Store.Groups.Rows.Where(group => group.Org == call.Org.Name && group.OwnerId == ownerId).ToList();
        var choices = new List<GroupChoice>();
        foreach (var reference in Array(node))
        {
            var name = TeValues.Text(TeValues.Member(reference, "group_name"));
            var match = TeValues.Member(reference, "id") is { } id
                ? owned.FirstOrDefault(group => TeValues.TryParseInt(id, out var value) && group.Id == value)
                : owned.FirstOrDefault(group => TeValues.SameText(group.GroupName, name));
            if (match is null && (!call.Options.CreateMissingContactGroups || string.IsNullOrWhiteSpace(name) || relationship.StartsWith("remove_", StringComparison.Ordinal)))
            {
                throw TeException.Relationship(relationship);
            }

            choices.Add(new GroupChoice(match, name));
        }

        return choices;
    }

    private static bool Consent(TeCall call, JsonNode? node, string member, IEnumerable<string> required)
    {
        if (node is null)
        {
            return false;
        }

        if (node is not JsonObject consent)
        {
            throw call.Invalid($"Invalid value for field: '{member}'");
        }

        var missing = required.FirstOrDefault(field => TeValues.IsBlank(consent[field]));
        return missing is null ? true : throw call.Missing($"{member}.{missing}");
    }
}

// A group named on a contact: an existing group of the owner, or one to create (CreateMissingContactGroups).
internal readonly record struct GroupChoice(GroupRecord? Existing, string? NewName)
{
    public string Name => Existing?.GroupName ?? NewName!;
}
