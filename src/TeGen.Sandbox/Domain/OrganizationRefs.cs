using System.Text.Json.Nodes;

namespace TeGen.Sandbox.Domain;

// What a record keeps of what it names among the organization's users, roles, teams and lists: the target's id and
// name, as TE shows related records, so a renamed team or a deleted one can be found and taken off.
internal static class OrganizationRefs
{
    // A value of a read-only list (a role, a recruit status, a relationship type) by id or by its one name member.
    public static JsonObject Named(TeCall call, string collection, JsonNode? node, string relationship, string name)
    {
        var found = LookupRefs.Resolve(call, collection, node, relationship, name);
        return new JsonObject { ["id"] = found.IdNode.DeepClone(), [name] = found.Fields.GetValueOrDefault(name)?.DeepClone() };
    }

    // A seeded user (a team's manager, a user's expenditure approver) as TE shows an owner.
    public static JsonObject User(TeCall call, JsonNode? node, string relationship)
    {
        var user = UserRefs.Resolve(node, call.Org, relationship);
        return new JsonObject { ["email"] = user.Email, ["external_id"] = user.ExternalId, ["id"] = user.Id, ["username"] = user.Username };
    }

    // Every item of a to-many member, resolved; null when the body does not carry the member.
    public static JsonArray? Each(JsonNode? items, Func<JsonNode?, JsonNode> resolve) =>
        items is JsonArray array ? new JsonArray([.. array.Select(resolve)]) : null;

    // Takes off the stored items whose id is one of `removed`'s.
    public static void Remove(Dictionary<string, JsonNode?> fields, string member, JsonArray? removed)
    {
        if (removed is null || fields.GetValueOrDefault(member) is not JsonArray current)
        {
            return;
        }

        var gone = removed.Select(item => item?["id"]?.ToJsonString()).ToHashSet(StringComparer.Ordinal);
        fields[member] = new JsonArray([.. current.Where(item => !gone.Contains(item?["id"]?.ToJsonString())).Select(item => item?.DeepClone())]);
    }
}
