using System.Text.Json.Nodes;
using TeGen.Sandbox.Formats;
using TeGen.Sandbox.Replies;
using TeGen.Sandbox.Store;

namespace TeGen.Sandbox.Domain;

// TE's contact uniqueness sets: they decide deduplication on create and find the contact a note, response or
// insight names.
internal static class ContactMatcher
{
    public static readonly string[] Address = ["address", "city", "state", "zip_code"];

    public static readonly string[] Phones = ["phone_home", "phone_cell", "phone_office"];

    private static readonly Func<ContactRecord, Func<string, string?>, bool>[] NameKeys =
    [
        (contact, given) => TeValues.SameText(contact.Text("email"), given("email")),
        (contact, given) => Address.All(field => TeValues.SameText(contact.Text(field), given(field))),
        .. Phones.Select<string, Func<ContactRecord, Func<string, string?>, bool>>(
            phone => (contact, given) => SamePhone(contact.Text(phone), given(phone))),
    ];

    // The six steps of the spec's contact create, in order, first match wins: an external id pair, then first + last name with email,
    // full address, phone_home, phone_cell, phone_office. Candidates come in creation order.
    public static ContactRecord? FindDuplicate(IEnumerable<ContactRecord> candidates, Func<string, string?> given, IReadOnlyCollection<ExternalIdPair> externalIds)
    {
        var contacts = candidates.ToList();
        if (externalIds.Count > 0 && contacts.FirstOrDefault(contact => contact.ExternalIds.Any(externalIds.Contains)) is { } byExternalId)
        {
            return byExternalId;
        }

        var namesakes = contacts
            .Where(contact => TeValues.SameText(contact.Text("first_name"), given("first_name")) && TeValues.SameText(contact.Text("last_name"), given("last_name")))
            .ToList();
        return NameKeys.Select(key => namesakes.FirstOrDefault(contact => key(contact, given))).FirstOrDefault(match => match is not null);
    }

    // A contact named by TE id, or by a uniqueness set whose other given fields must agree with the stored contact:
    // they select it and never change it.
    public static ContactRecord Resolve(JsonNode? node, IEnumerable<ContactRecord> candidates, string relationship = "contact")
    {
        if (node is not JsonObject reference)
        {
            throw TeErrors.Relationship(relationship);
        }

        var contacts = candidates.ToList();
        ContactRecord? match;
        if (reference.ContainsKey("id"))
        {
            match = TeValues.TryParseInt(reference["id"], out var id) ? contacts.FirstOrDefault(contact => contact.Id == id) : null;
        }
        else
        {
            string? Given(string field) => TeValues.Text(reference[field]);
            match = FindDuplicate(contacts, Given, ReadExternalIds(reference["external_ids"], strict: null));
            match = match is not null && reference.Where(member => member.Key != "external_ids").All(member => Agrees(match, member.Key, Given(member.Key))) ? match : null;
        }

        return match ?? throw TeErrors.Relationship(relationship);
    }

    // `strict` is the error for a malformed pair; null skips malformed pairs (a reference only selects).
    public static List<ExternalIdPair> ReadExternalIds(JsonNode? node, Func<Exception>? strict)
    {
        var pairs = new List<ExternalIdPair>();
        foreach (var item in node as JsonArray ?? [])
        {
            if (TeValues.Text(TeValues.Member(item, "source")) is { Length: > 0 } source && TeValues.Text(TeValues.Member(item, "external_id")) is { Length: > 0 } externalId)
            {
                pairs.Add(new ExternalIdPair(source, externalId));
            }
            else if (strict is not null)
            {
                throw strict();
            }
        }

        return node is null or JsonArray || strict is null ? pairs : throw strict();
    }

    private static bool Agrees(ContactRecord contact, string field, string? given) =>
        string.IsNullOrWhiteSpace(given)
        || (Phones.Contains(field) ? SamePhone(contact.Text(field), given) : TeValues.SameText(contact.Text(field), given));

    private static bool SamePhone(string? stored, string? given) => TeValues.PhoneKey(stored) is { } key && key == TeValues.PhoneKey(given);
}
