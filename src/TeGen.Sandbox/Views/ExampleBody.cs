using System.Text.Json.Nodes;
using TeGen.Sandbox.Spec;

namespace TeGen.Sandbox.Views;

// The answer of an operation that stores nothing (heartbeat, teapot, an action): its schema filled from the spec's
// examples.
internal static class ExampleBody
{
    public static JsonNode Build(Shape? shape) => Value(shape, 0) ?? new JsonObject();

    private static JsonNode? Value(Shape? shape, int depth)
    {
        if (shape is null || depth > 8)
        {
            return null;
        }

        if (shape.Example is { } example)
        {
            return example.DeepClone();
        }

        if (shape.IsArray)
        {
            return new JsonArray();
        }

        return shape.IsObject
            ? new JsonObject(shape.Properties.Select(member => KeyValuePair.Create(member.Key, Value(member.Value, depth + 1))))
            : null;
    }
}
