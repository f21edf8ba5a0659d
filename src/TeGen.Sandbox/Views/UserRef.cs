using System.Globalization;
using System.Text.Json.Nodes;

namespace TeGen.Sandbox.Views;

// A related user (owner, assignee, shared_with_users) as TE returns it.
internal static class UserRef
{
    public static JsonObject? Render(long? id, View view) =>
        id is { } value && view.Tenants.User(value) is { } user
            ? new JsonObject
            {
                ["email"] = user.Email,
                ["external_id"] = user.ExternalId,
                ["id"] = view.UserIdsAsStrings ? JsonValue.Create(user.Id.ToString(CultureInfo.InvariantCulture)) : JsonValue.Create(user.Id),
                ["username"] = user.Username,
            }
            : null;
}
