using System.Text.Json.Nodes;

namespace TeGen.Sandbox.Domain;

// Naming a user in a relationship (owner, assignee, shared_with_users) by its settable fields.
internal static class UserRefs
{
    // Every identifier given must fit the same user: TE suggests combining them when external ids overlap.
    // Keys a relationship does not accept (email on insight and scenario owners) are ignored, so they alone name nobody.
    public static SandboxUser Resolve(JsonNode? node, SandboxOrganization org, string relationship, bool allowEmail = true) =>
        References.Resolve(node, org.Users, user => user.Id, Selectors(allowEmail), relationship);

    // A user as a stored relationship shows it: all four identifiers (unsubscribe users, archived messages).
    public static JsonObject Json(SandboxUser user) =>
        new() { ["id"] = user.Id, ["email"] = user.Email, ["username"] = user.Username, ["external_id"] = user.ExternalId };

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
