using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using TeGen.Client.Json;

namespace TeGen.Spec.Tests;

/// <summary>
/// Every member the SDK can put on the wire, in a request or in a model it re-serializes, is defined by the spec: each
/// model the spec names is filled in completely, serialized with TeGen's settings, and every JSON member checked against
/// the schema (its allOf parts included), all the way down. A helper property that leaks (<c>"IsSet": 1</c>) fails here.
/// </summary>
public class WireFidelityTests
{
    private static readonly Assembly ClientAssembly = typeof(TeGen.Client.TeOperation).Assembly;

    public static TheoryData<string> Models() =>
        new(ClientAssembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, Namespace: "TeGen.Client" } && SpecDocument.Document.Components!.Schemas!.ContainsKey(t.Name))
            .Select(t => t.Name)
            .Order());

    [Theory]
    [MemberData(nameof(Models))]
    public void A_fully_filled_model_serializes_only_members_its_schema_defines(string model)
    {
        var type = ClientAssembly.GetType("TeGen.Client." + model)!;
        var json = JsonSerializer.SerializeToNode(Fill(type, depth: 0), type, TeJson.Options)!;

        var strays = new List<string>();
        Check(json, SpecDocument.Document.Components!.Schemas![model], model, strays);

        Assert.True(strays.Count == 0, "Members the spec does not define: " + string.Join(", ", strays));
    }

    [Fact]
    public void The_check_finds_a_stray_member()
    {
        var strays = new List<string>();
        Check(JsonNode.Parse("""{"id":1,"IsSet":1}""")!, SpecDocument.Document.Components!.Schemas!["OwnerRef"], "OwnerRef", strays);
        Assert.Equal(["OwnerRef.IsSet"], strays);
    }

    private static void Check(JsonNode? node, IOpenApiSchema schema, string path, List<string> strays)
    {
        switch (node)
        {
            case JsonObject obj:
                var properties = Properties(schema);
                foreach (var (name, value) in obj)
                {
                    if (properties.TryGetValue(name, out var member))
                    {
                        Check(value, member, $"{path}.{name}", strays);
                    }
                    else if (schema.AdditionalProperties is null && !(schema.AllOf?.Any(s => s.AdditionalProperties is not null) ?? false))
                    {
                        strays.Add($"{path}.{name}");
                    }
                }

                break;
            case JsonArray array when Items(schema) is { } items:
                foreach (var item in array)
                {
                    Check(item, items, path + "[]", strays);
                }

                break;
        }
    }

    private static Dictionary<string, IOpenApiSchema> Properties(IOpenApiSchema schema)
    {
        var all = new Dictionary<string, IOpenApiSchema>();
        foreach (var (name, property) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            all[name] = property;
        }

        foreach (var part in schema.AllOf ?? [])
        {
            foreach (var (name, property) in Properties(part))
            {
                all[name] = property;
            }
        }

        return all;
    }

    private static IOpenApiSchema? Items(IOpenApiSchema schema) => schema.Items ?? schema.AllOf?.Select(Items).FirstOrDefault(i => i is not null);

    // Every settable member given a value, nested models two levels deep, lists with one element.
    private static object? Fill(Type type, int depth)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string) || type == typeof(object))
        {
            return "x";
        }

        if (type == typeof(bool))
        {
            return true;
        }

        if (type.IsPrimitive || type == typeof(decimal))
        {
            return Convert.ChangeType(1, type);
        }

        if (type == typeof(DateTimeOffset))
        {
            return new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        }

        if (type == typeof(DateOnly))
        {
            return new DateOnly(1970, 5, 17);
        }

        if (type.IsValueType)
        {
            // A generated enumeration: its first known value.
            return type.GetProperties(BindingFlags.Public | BindingFlags.Static).FirstOrDefault(p => p.PropertyType == type)?.GetValue(null) ?? Activator.CreateInstance(type);
        }

        if (type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type))
        {
            var arguments = type.GetGenericArguments();
            if (arguments.Length == 2 || depth > 2)
            {
                return null; // AdditionalProperties and other dictionaries stay empty
            }

            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(arguments[0]))!;
            list.Add(Fill(arguments[0], depth + 1));
            return list;
        }

        if (depth > 2 || type.GetConstructor(Type.EmptyTypes) is null)
        {
            return null;
        }

        var instance = Activator.CreateInstance(type)!;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.GetIndexParameters().Length == 0))
        {
            if (!property.PropertyType.IsAssignableTo(typeof(IDictionary<string, object>)))
            {
                property.SetValue(instance, Fill(property.PropertyType, depth + 1));
            }
        }

        return instance;
    }
}
