using System.Text.Json.Nodes;
using TeGen.Sandbox.Spec;

namespace TeGen.Sandbox.Views;

// Cuts a value down to a schema: a member the schema does not define is never part of an answer.
internal static class Projection
{
    public static JsonNode? Project(JsonNode? value, Shape? shape) => (value, shape) switch
    {
        (_, null) => value?.DeepClone(),
        (JsonObject members, _) when shape.AnyMembers && shape.Properties.Count == 0 => members.DeepClone(),
        (JsonObject members, _) => new JsonObject(members
            .Where(member => shape.Properties.ContainsKey(member.Key) || shape.AnyMembers)
            .Select(member => KeyValuePair.Create(member.Key, Project(member.Value, shape.Properties.GetValueOrDefault(member.Key))))),
        (JsonArray items, _) => new JsonArray([.. items.Select(item => Project(item, shape.Items))]),
        _ => value?.DeepClone(),
    };
}
