using System.CodeDom.Compiler;
using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using TeGen.Client.Json;

namespace TeGen.Client.Tests.Models;

/// <summary>
/// Every model generated from the spec reads and writes through TeGen's own converters: no generated,
/// culture-dependent date converter and no C# enum that fails on a value TE added later.
/// </summary>
public class GeneratedModelTests
{
    private static readonly Assembly ClientAssembly = typeof(TotalExpertConnection).Assembly;

    private static readonly Type[] GeneratedTypes =
        [.. ClientAssembly.GetTypes().Where(t => t.GetCustomAttribute<GeneratedCodeAttribute>()?.Tool == "NJsonSchema")];

    public static TheoryData<Type> ValueTypes => [.. GeneratedTypes.Where(t => t.IsValueType)];

    [Fact]
    public void No_property_carries_a_converter_that_is_not_TeGens()
    {
        var foreign = (from property in ModelProperties()
                       let converter = property.GetCustomAttribute<JsonConverterAttribute>()?.ConverterType
                       where converter is not null && !IsTeGenConverter(converter)
                       select $"{property.DeclaringType!.Name}.{property.Name}: {converter}").ToList();

        Assert.Empty(foreign);
    }

    [Fact]
    public void No_property_type_is_a_CLR_enum_or_brings_a_foreign_converter()
    {
        var problems = new List<string>();
        foreach (var property in ModelProperties())
        {
            var type = ValueType(property.PropertyType);
            if (type.IsEnum)
            {
                problems.Add($"{property.DeclaringType!.Name}.{property.Name} is the enum {type.Name}");
            }

            if (type.GetCustomAttribute<JsonConverterAttribute>()?.ConverterType is { } converter && !IsTeGenConverter(converter))
            {
                problems.Add($"{property.DeclaringType!.Name}.{property.Name}: {type.Name} brings {converter}");
            }
        }

        Assert.Empty(problems);
        Assert.DoesNotContain(GeneratedTypes, t => t.IsEnum);
    }

    [Fact]
    public void Every_date_is_read_by_TeGens_invariant_converters()
    {
        var dates = ModelProperties().Where(p => ValueType(p.PropertyType) is var t && (t == typeof(DateOnly) || t == typeof(DateTimeOffset) || t == typeof(DateTime))).ToList();

        Assert.Contains(dates, p => p.Name == nameof(ContactFields.Birthday) && p.PropertyType == typeof(DateOnly?));
        Assert.All(dates, p => Assert.Equal(typeof(TeJson).Namespace, TeJson.Options.GetConverter(p.PropertyType).GetType().Namespace));
        Assert.DoesNotContain(ClientAssembly.GetTypes(), t => t.Name == "DateFormatConverter");
    }

    [Theory]
    [MemberData(nameof(ValueTypes))]
    public void Every_enumeration_reads_and_writes_back_a_value_it_does_not_know(Type type)
    {
        const string Unknown = "\"added-by-TE-later\"";

        var value = JsonSerializer.Deserialize(Unknown, type, TeJson.Options)!;

        Assert.Equal(Unknown, JsonSerializer.Serialize(value, type, TeJson.Options));
        Assert.False((bool)type.GetProperty("IsKnown")!.GetValue(value)!);
        Assert.Equal("added-by-TE-later", value.ToString());
    }

    [Fact]
    public void An_entity_id_reads_from_a_number_or_a_string_and_is_written_as_a_string()
    {
        const string Json = """
            {"id": 5, "related_entities": [
              {"relationship_type": {"system_name": "household"}, "parent": {"id": "1234abcd7"}},
              {"relationship_type": {"system_name": "household"}, "parent": {"id": 1234}}
            ]}
            """;

        var contact = JsonSerializer.Deserialize<Contact>(Json, TeJson.Options)!;

        Assert.Equal(["1234abcd7", "1234"], contact.RelatedEntities!.Select(e => e.Parent!.Id));
        var update = new ContactUpdate { RelatedEntities = contact.RelatedEntities };
        Assert.Equal(
            """{"related_entities":[{"relationship_type":{"system_name":"household"},"parent":{"id":"1234abcd7"}},{"relationship_type":{"system_name":"household"},"parent":{"id":"1234"}}]}""",
            JsonSerializer.Serialize(update, TeJson.Options));
    }

    private static IEnumerable<PropertyInfo> ModelProperties() =>
        GeneratedTypes.Where(t => t.IsClass).SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly));

    // TeGen's converters, or the converter a generated value type carries for itself.
    private static bool IsTeGenConverter(Type converter) =>
        converter.Namespace == typeof(TeJson).Namespace
        || (converter.DeclaringType is { IsValueType: true } owner && GeneratedTypes.Contains(owner));

    // The type a property's JSON value is read as: nullable and collection wrappers removed.
    private static Type ValueType(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return underlying;
        }

        if (type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type)
            && type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)) is { } enumerable)
        {
            return ValueType(enumerable.GetGenericArguments()[0]);
        }

        return type;
    }
}
