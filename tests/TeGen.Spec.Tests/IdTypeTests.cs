using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.OpenApi;
using TeGen.Client.Json;

namespace TeGen.Spec.Tests;

/// <summary>
/// Ids TE sends as strings that are not always digits are strings in the spec, and those it also sends as JSON numbers
/// (<c>x-te-id: string-or-number</c>) are generated with the converter that reads both (docs/te-api.md).
/// </summary>
public class IdTypeTests
{
    [Fact]
    public void An_id_whose_example_is_not_an_integer_is_not_typed_integer()
    {
#pragma warning disable CS0618 // OpenAPI 3.0's `example` is only read into Example.
        var wrong = Members()
            .Where(m => IsId(m.Name) && m.Schema.Example is { } example && example.GetValueKind() == JsonValueKind.String
                && !long.TryParse(example.GetValue<string>(), out _)
                && (m.Schema.Type & JsonSchemaType.Integer) != 0)
            .Select(m => $"{m.Component}.{m.Name}");
#pragma warning restore CS0618

        Assert.Empty(wrong);
    }

    [Fact]
    public void Every_string_or_number_id_is_a_string_read_and_written_by_the_converter()
    {
        var marked = Members().Where(m => m.Schema.Extensions?.ContainsKey("x-te-id") == true).ToList();
        Assert.Contains(marked, m => m is { Component: "EntityRef", Name: "id" });

        foreach (var (component, name, schema) in marked)
        {
            Assert.Equal("string-or-number", ((JsonNodeExtension)schema.Extensions!["x-te-id"]).Node.GetValue<string>());
            Assert.Equal(JsonSchemaType.String, schema.Type & ~JsonSchemaType.Null);

            var property = GeneratedClient.Model(component).GetProperties()
                .Single(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name == name);
            Assert.Equal(typeof(string), property.PropertyType);
            Assert.Equal(typeof(TeStringOrNumberConverter), property.GetCustomAttribute<JsonConverterAttribute>()?.ConverterType);
        }
    }

    private static bool IsId(string name) => name == "id" || name.EndsWith("_id", StringComparison.Ordinal);

    // Every property of every component schema, those of its inline allOf parts included.
    private static IEnumerable<(string Component, string Name, IOpenApiSchema Schema)> Members() =>
        from component in SpecDocument.Document.Components!.Schemas!
        from part in (component.Value.AllOf ?? []).Where(p => SpecDocument.ReferenceId(p) is null).Prepend(component.Value)
        from property in part.Properties ?? new Dictionary<string, IOpenApiSchema>()
        select (component.Key, property.Key, property.Value);
}
