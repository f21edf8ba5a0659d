using System.Text.Json.Nodes;
using TeGen.Sandbox.Formats;
using TeGen.Sandbox.Replies;
using TeGen.Sandbox.Store;

namespace TeGen.Sandbox.Domain;

// A contact create or update body, fully resolved before anything is changed, so a 422 leaves the store untouched.
internal sealed class ContactInput
{
    // Members this rule resolves itself; every other member the contact's read-back shape defines is stored as given.
    public static readonly string[] Handled =
        ["owner", "external_ids", "contact_groups", "custom", "assignee", "shared_with_users", "birthday"];

    private static readonly string[] ConsentFields =
        ["communication_agent", "communication_channel", "channel_target", "contact_purpose", "consent_language", "ip_address"];

    private ContactInput(Dictionary<string, JsonNode?> fields) => Fields = fields;

    public Dictionary<string, JsonNode?> Fields { get; }

    public List<ExternalIdPair> ExternalIds { get; private init; } = [];

    public List<GroupChoice> AddGroups { get; private init; } = [];

    public List<GroupChoice> RemoveGroups { get; private init; } = [];

    public Dictionary<string, JsonNode?> Custom { get; } = new(StringComparer.OrdinalIgnoreCase);

    public bool AssigneeGiven { get; private init; }

    public SandboxUser? Assignee { get; private init; }

    public List<SandboxUser> SharedWith { get; private init; } = [];

    public bool GrantConsent { get; private init; }

    public bool RevokeConsent { get; private init; }

    public string? Text(string field) => Fields.TryGetValue(field, out var value) ? TeValues.Text(value) : null;

    // Groups are resolved among the groups of the (possibly new) owner.
    public static ContactInput Read(TeCall call, Dictionary<string, JsonNode?> fields, long ownerId, bool allowRevoke)
    {
        var body = call.Body;
        var org = call.Org;

        // TE keeps birthdays in year 1970.
        if (body.ContainsKey("birthday"))
        {
            fields["birthday"] = TeValues.Text(body["birthday"]) is { Length: >= 10 } day ? JsonValue.Create("1970" + day[4..10]) : null;
        }

        // TE's update example sends last_contacted; reads return it as last_contacted_date.
        if (body["last_contacted"] is { } lastContacted)
        {
            fields["last_contacted_date"] = ValueCoercion.TryDate(lastContacted, dateOnly: false, call.Options.AcceptIsoDates, out var date) ? date : throw call.Invalid("last_contacted");
        }

        var input = new ContactInput(fields)
        {
            ExternalIds = ContactMatcher.ReadExternalIds(body["external_ids"], () => call.Invalid("external_ids")),
            AddGroups = Groups(call, ownerId, body["contact_groups"], "contact_groups"),
            RemoveGroups = Groups(call, ownerId, body["remove_contact_groups"], "remove_contact_groups"),
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
                ?? throw TeErrors.Relationship("custom");
            input.Custom[definition.SystemName] = CustomValue(call, definition, TeValues.Member(item, "value"));
        }

        return input;
    }

    public void ApplyTo(ContactRecord contact, TeCall call, long ownerId, JsonObject body)
    {
        if (RevokeConsent && !contact.ConsentGranted && !GrantConsent)
        {
            throw call.Invalid("revoke_consent", "consent was never granted");
        }

        contact.OwnerId = ownerId;

        // To-many relationships given on a contact are added to the ones it has (TE: "added to the existing groups").
        Attributes.Assign(contact, Fields, addToArrays: true);
        Attributes.Remove(contact, body);
        foreach (var pair in ExternalIds)
        {
            contact.ExternalIds.RemoveAll(existing => existing.Source == pair.Source);
            contact.ExternalIds.Add(pair);
        }

        foreach (var choice in AddGroups)
        {
            var group = choice.Existing ?? GroupRules.FindOrCreate(call, contact.OwnerId, choice.Name);
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

        contact.AssigneeId = AssigneeGiven ? Assignee?.Id : contact.AssigneeId;
        contact.SharedWithIds.AddRange(SharedWith.Select(user => user.Id).Where(id => !contact.SharedWithIds.Contains(id)).Distinct());
        contact.ConsentGranted = GrantConsent || (contact.ConsentGranted && !RevokeConsent);
        call.Stamp(contact);
    }

    private static IEnumerable<JsonNode?> Array(JsonNode? node) => node as JsonArray ?? [];

    // A custom value must fit its definition's data type (the spec cannot say which: TE defines them per organization).
    private static JsonNode? CustomValue(TeCall call, SandboxCustomField definition, JsonNode? value)
    {
        if (value is null)
        {
            return null;
        }

        JsonNode? normalized;
        var ok = definition.DataType.ToLowerInvariant() switch
        {
            "boolean" => ValueCoercion.TryBoolean(value, out normalized),
            "integer" => ValueCoercion.TryInteger(value, out normalized),
            "decimal" => ValueCoercion.TryNumber(value, out normalized),
            "date" => ValueCoercion.TryDate(value, dateOnly: true, call.Options.AcceptIsoDates, out normalized),
            "datetime" => ValueCoercion.TryDate(value, dateOnly: false, call.Options.AcceptIsoDates, out normalized),
            _ => ValueCoercion.TryText(value, out normalized),
        };
        return ok ? normalized : throw call.Invalid($"custom.{definition.SystemName}");
    }

    private static List<GroupChoice> Groups(TeCall call, long ownerId, JsonNode? node, string relationship)
    {
        var owned = GroupRules.Owned(call, ownerId).ToList();
        var choices = new List<GroupChoice>();
        foreach (var reference in Array(node))
        {
            var name = TeValues.Text(TeValues.Member(reference, "group_name"));
            var match = TeValues.Member(reference, "id") is { } id
                ? owned.FirstOrDefault(group => TeValues.TryParseInt(id, out var value) && group.Id == value)
                : owned.FirstOrDefault(group => TeValues.SameText(group.GroupName, name));
            if (match is null && (!call.Options.CreateMissingContactGroups || string.IsNullOrWhiteSpace(name) || relationship.StartsWith("remove_", StringComparison.Ordinal)))
            {
                throw TeErrors.Relationship(relationship);
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

        var missing = required.FirstOrDefault(field => TeValues.IsBlank(node[field]));
        return missing is null ? true : throw call.Missing($"{member}.{missing}");
    }
}

// A group named on a contact: an existing group of the owner, or one to create (CreateMissingContactGroups).
internal readonly record struct GroupChoice(GroupRecord? Existing, string? NewName)
{
    public string Name => Existing?.GroupName ?? NewName!;
}
