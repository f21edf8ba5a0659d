using System.Text.Json.Nodes;
using TeGen.Sandbox.Store;

namespace TeGen.Sandbox.Domain;

// Writing validated members into a record: a present null clears, `remove_<member>` takes items out of an array
// member (TE's write-only removers), and to-many members either replace or add to what is stored.
internal static class Attributes
{
    public static void Assign(StoredEntity row, IReadOnlyDictionary<string, JsonNode?> values, bool addToArrays = false)
    {
        foreach (var (name, value) in values)
        {
            row.Fields[name] = addToArrays && value is JsonArray added && row.Fields.GetValueOrDefault(name) is JsonArray current
                ? new JsonArray([.. current.Select(item => item?.DeepClone()), .. added.Where(item => !current.Any(old => JsonNode.DeepEquals(old, item))).Select(item => item?.DeepClone())])
                : value?.DeepClone();
        }
    }

    public static void Remove(StoredEntity row, JsonObject body)
    {
        foreach (var (name, value) in body)
        {
            if (name.StartsWith("remove_", StringComparison.Ordinal) && value is JsonArray removed && row.Fields.GetValueOrDefault(name["remove_".Length..]) is JsonArray current)
            {
                row.Fields[name["remove_".Length..]] = new JsonArray([.. current.Where(item => !removed.Any(gone => JsonNode.DeepEquals(gone, item))).Select(item => item?.DeepClone())]);
            }
        }
    }
}
