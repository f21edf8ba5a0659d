using System.Text.Json.Nodes;
using TeGen.Sandbox.Hosting;

namespace TeGen.Sandbox.Te;

// How records are rendered for one reader: an API caller, or the inspector (which always sees owners).
internal sealed record View(SandboxRuntime Runtime, bool ShowOwner)
{
    public JsonObject? User(long? id) =>
        id is { } value && Runtime.Tenants.User(value) is { } user ? UserRefs.Render(user, Runtime.Options.RelatedUserIdsAsStrings) : null;

    public JsonObject WithOwner(JsonObject target, long ownerId)
    {
        if (ShowOwner)
        {
            target["owner"] = User(ownerId);
        }

        return target;
    }

    public static string Date(DateTimeOffset value) => TeValues.FormatDateTime(value);
}
