using System.Text.Json.Nodes;
using TeGen.Sandbox.Formats;
using TeGen.Sandbox.Replies;

namespace TeGen.Sandbox.Domain;

// Naming a user in a relationship (owner, assignee, shared_with_users) by its settable fields.
internal static class UserRefs
{
    // Every identifier given must fit the same user: TE suggests combining them when external ids overlap.
    // Keys a relationship does not accept (email on insight owners) are ignored, so they alone name nobody.
    public static SandboxUser Resolve(JsonNode? node, SandboxOrganization org, string relationship, bool allowEmail = true)
    {
        if (node is not JsonObject reference)
        {
            throw TeErrors.Relationship(relationship);
        }

        var named = false;
        IEnumerable<SandboxUser> users = org.Users;
        if (reference.ContainsKey("id"))
        {
            named = true;
            users = TeValues.TryParseInt(reference["id"], out var id) ? users.Where(user => user.Id == id) : [];
        }

        foreach (var (key, pick) in Selectors(allowEmail))
        {
            if (TeValues.Text(reference[key]) is { } value)
            {
                named = true;
                users = users.Where(user => string.Equals(pick(user), value, StringComparison.OrdinalIgnoreCase));
            }
        }

        var matches = users.Take(2).ToList();
        return named && matches.Count == 1 ? matches[0] : throw TeErrors.Relationship(relationship);
    }

    private static IEnumerable<(string Key, Func<SandboxUser, string?> Pick)> Selectors(bool allowEmail)
    {
        yield return ("username", user => user.Username);
        yield return ("external_id", user => user.ExternalId);
        if (allowEmail)
        {
            yield return ("email", user => user.Email);
        }
    }
}
