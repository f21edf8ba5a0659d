using System.Globalization;
using Microsoft.OpenApi;

namespace TeGen.Sandbox.Spec;

// Turns Microsoft.OpenApi schemas into Shapes. A referenced schema becomes one Shape shared by every use, registered
// before its members are read, so a schema that refers to itself ends instead of recursing forever.
internal sealed class ShapeReader
{
    private readonly Dictionary<string, Shape> _named = new(StringComparer.Ordinal);

    public Shape? Read(IOpenApiSchema? schema)
    {
        if (schema is null)
        {
            return null;
        }

        var name = (schema as OpenApiSchemaReference)?.Reference.Id;
        if (name is not null && _named.TryGetValue(name, out var known))
        {
            return known;
        }

        var shape = new Shape { Name = name };
        if (name is not null)
        {
            _named[name] = shape;
        }

        Fill(shape, schema, root: true);
        return shape;
    }

    private void Fill(Shape shape, IOpenApiSchema schema, bool root)
    {
        foreach (var part in schema.AllOf ?? [])
        {
            Fill(shape, part, root: false);
        }

        if (schema.Type is { } type)
        {
            shape.Nullable |= (type & JsonSchemaType.Null) != 0;
            var withoutNull = type & ~JsonSchemaType.Null;
            if (withoutNull != 0)
            {
                shape.Type = withoutNull;
            }
        }

        shape.Format ??= schema.Format;
        shape.ReadOnly |= root && schema.ReadOnly;
        shape.Minimum ??= Number(schema.Minimum);
        shape.Maximum ??= Number(schema.Maximum);
        shape.MaxItems ??= schema.MaxItems;
#pragma warning disable CS0618 // OpenAPI 3.0's `example` is only read into Example.
        shape.Example ??= schema.Example?.DeepClone();
#pragma warning restore CS0618
        if (schema.Enum is { Count: > 0 } values)
        {
            shape.Enum = [.. values.Select(value => value?.GetValueKind() == System.Text.Json.JsonValueKind.String ? value.GetValue<string>() : value?.ToJsonString() ?? "null")];
        }

        foreach (var required in schema.Required ?? new HashSet<string>())
        {
            shape.Required.Add(required);
        }

        foreach (var (name, property) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            var member = Read(property)!;

            // A property's own readOnly mark belongs to that use of the schema, not to a shared component.
            shape.Properties[name] = property.ReadOnly && !member.ReadOnly && member.Name is not null ? Copy(member, readOnly: true) : member;
        }

        if (schema.Items is { } items)
        {
            shape.Items = Read(items);
        }

        shape.AnyMembers |= schema.AdditionalProperties is not null;
        if (schema.Extensions is { Count: > 0 } extensions)
        {
            shape.Extensions = extensions.ToDictionary(entry => entry.Key, entry => (entry.Value as JsonNodeExtension)?.Node?.DeepClone(), StringComparer.Ordinal);
        }
    }

    private static Shape Copy(Shape shape, bool readOnly)
    {
        var copy = new Shape
        {
            Name = shape.Name,
            Type = shape.Type,
            Nullable = shape.Nullable,
            Format = shape.Format,
            Enum = shape.Enum,
            ReadOnly = readOnly,
            Minimum = shape.Minimum,
            Maximum = shape.Maximum,
            MaxItems = shape.MaxItems,
            Example = shape.Example,
            Items = shape.Items,
            AnyMembers = shape.AnyMembers,
            Extensions = shape.Extensions,
        };
        copy.Required.UnionWith(shape.Required);
        foreach (var (name, member) in shape.Properties)
        {
            copy.Properties[name] = member;
        }

        return copy;
    }

    private static decimal? Number(object? value) =>
        decimal.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;
}
