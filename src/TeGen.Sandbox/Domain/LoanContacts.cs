using System.Text.Json.Nodes;
using TeGen.Sandbox.Formats;
using TeGen.Sandbox.Replies;
using TeGen.Sandbox.Store;

namespace TeGen.Sandbox.Domain;

// The contacts in a loan's roles: named by TE id, or by fields that TE matches against the loan owner's contacts by
// the contact uniqueness sets, creating the contact (with the contact minimum, no groups) when none matches.
internal static class LoanContacts
{
    private static readonly string[] Copied = ["first_name", "last_name", "email", .. ContactMatcher.Phones, .. ContactMatcher.Address, "source"];

    public static ContactRecord FindOrCreate(TeCall call, JsonNode node, long owner, string? loanSource, string role)
    {
        if (node is not JsonObject given)
        {
            throw TeErrors.Relationship(role);
        }

        if (given.ContainsKey("id"))
        {
            return ContactMatcher.Resolve(given, ContactRules.SeenBy(call), role);
        }

        string? Given(string field) => TeValues.Text(given[field]);
        if (ContactMatcher.FindDuplicate(ContactRules.OwnedBy(call, owner), Given, []) is { } found)
        {
            return found;
        }

        foreach (var field in (string[])["first_name", "last_name"])
        {
            if (string.IsNullOrWhiteSpace(Given(field)))
            {
                throw call.Missing($"{role}.{field}");
            }
        }

        if (!ContactRules.HasReachableDetail(given))
        {
            throw TeErrors.Status(call.Options.ValidationErrorStatus,
                $"Missing required field: one of '{role}.email', '{role}.phone_cell', '{role}.phone_home', '{role}.phone_office' or the full address of the {role}");
        }

        var fields = Copied.Where(field => given[field] is not null).ToDictionary(field => field, field => given[field]?.DeepClone());
        fields["source"] = JsonValue.Create(Given("source") ?? loanSource ?? throw call.Missing($"{role}.source"));
        return Create(call, owner, fields);
    }

    // A transfer: the new owner's own contact matching the loan's one, else a copy of it for them.
    public static ContactRecord MoveTo(TeCall call, JsonNode kept, long owner)
    {
        var id = TeValues.Text(TeValues.Member(kept, "id"));
        if (id is null || call.Store.Contacts.Find(id) is not { } contact)
        {
            throw TeErrors.Relationship("contact");
        }

        if (contact.OwnerId == owner)
        {
            return contact;
        }

        return ContactMatcher.FindDuplicate(ContactRules.OwnedBy(call, owner), contact.Text, [])
            ?? Create(call, owner, Copied.Where(contact.Fields.ContainsKey).ToDictionary(field => field, field => contact.Fields[field]?.DeepClone()));
    }

    private static ContactRecord Create(TeCall call, long owner, Dictionary<string, JsonNode?> fields)
    {
        var contact = call.New(new ContactRecord { Id = call.Store.Contacts.NextId(), OwnerId = owner });
        Attributes.Assign(contact, fields);
        call.Store.Contacts.Add(call.Stamp(contact));
        return contact;
    }
}
