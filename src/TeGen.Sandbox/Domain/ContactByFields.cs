using System.Globalization;
using TeGen.Sandbox.Formats;
using TeGen.Sandbox.Store;

namespace TeGen.Sandbox.Domain;

// PATCH /v1/contacts (no id in the path, TE's consent examples): the body names the contact as deduplication would
// match it — an external id pair, or first and last name with e-mail, address or a phone — or by `id`. As User the
// caller's contacts are searched; As Admin the named owner's, else every owner's, and a match under more than one owner
// is refused rather than guessed (docs/te-api.md, "Engagement and compliance").
internal static class ContactByFields
{
    public static ContactRecord Find(TeCall call)
    {
        if (TeValues.TryParseInt(call.Body["id"], out var id))
        {
            return call.Store.Contacts.Find(id.ToString(CultureInfo.InvariantCulture)) is { } named && call.Caller.Sees(named.Org, named.OwnerId)
                ? named
                : throw call.NotFound();
        }

        var candidates = call.Caller.User is { } user ? ContactRules.OwnedBy(call, user.Id)
            : call.Body["owner"] is { } owner ? ContactRules.OwnedBy(call, UserRefs.Resolve(owner, call.Org, "owner").Id)
            : ContactRules.SeenBy(call);
        var externalIds = ContactMatcher.ReadExternalIds(call.Body["external_ids"], strict: null);
        var matches = candidates
            .GroupBy(contact => contact.OwnerId)
            .Select(owned => ContactMatcher.FindDuplicate(owned, field => TeValues.Text(call.Body[field]), externalIds))
            .OfType<ContactRecord>()
            .ToList();
        return matches.Count switch
        {
            0 => throw call.NotFound(),
            1 => matches[0],
            _ => throw call.Invalid("owner", "contacts of several owners match these fields; name the owner"),
        };
    }
}
