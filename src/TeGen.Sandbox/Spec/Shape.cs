using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace TeGen.Sandbox.Spec;

// A schema of the spec with references followed and allOf merged: what validation and rendering need of it.
internal sealed class Shape
{
    public static readonly Shape Any = new() { AnyMembers = true };

    // Component name when the schema was a reference, e.g. "NewContact".
    public string? Name { get; init; }

    // Without the Null flag, which is Nullable; null means any type.
    public JsonSchemaType? Type { get; set; }

    public bool Nullable { get; set; }

    public string? Format { get; set; }

    public IReadOnlyList<string>? Enum { get; set; }

    public bool ReadOnly { get; set; }

    public decimal? Minimum { get; set; }

    public decimal? Maximum { get; set; }

    public int? MaxItems { get; set; }

    public JsonNode? Example { get; set; }

    public HashSet<string> Required { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Shape> Properties { get; } = new(StringComparer.Ordinal);

    public Shape? Items { get; set; }

    // additionalProperties given (e.g. `{}`): members the schema does not name are part of the value.
    public bool AnyMembers { get; set; }

    public IReadOnlyDictionary<string, JsonNode?> Extensions { get; set; } = new Dictionary<string, JsonNode?>();

    public bool Is(JsonSchemaType type) => Type is { } own && (own & type) == type;

    public bool IsObject => Is(JsonSchemaType.Object) || Properties.Count > 0;

    public bool IsArray => Is(JsonSchemaType.Array) || Items is not null;

    public bool IsDateTime => Is(JsonSchemaType.String) && Format is "date-time";

    public bool IsDate => Is(JsonSchemaType.String) && Format is "date";

    // A value that is not an object or array: what filters and sorts can compare.
    public bool IsScalar => !IsObject && !IsArray && Type is not null;
}
