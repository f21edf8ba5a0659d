using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TeGen.Client.Json;

/// <summary>
/// A lookup TE names either by a bare string or by an object: a loan's <c>"loan_type": "Conventional Fixed Rate"</c>
/// (TE's examples) or <c>"loan_type": {"id": 5}</c> (TE's table). The generated models use it on references the spec
/// marks <c>x-te-ref: name-or-object</c>, whose schema has an <c>id</c> and one name member: it reads either form, and
/// writes the bare name when only the name is set, the object otherwise.
/// </summary>
public sealed class TeNameOrObjectConverter : JsonConverterFactory
{
    /// <inheritdoc />
    public override bool CanConvert(Type typeToConvert) => NameOf(typeToConvert) is not null;

    /// <inheritdoc />
    public override JsonConverter? CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter?)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert), NameOf(typeToConvert));

    private static readonly ConcurrentDictionary<Type, PropertyInfo?> Names = new();

    // The one string member besides id: the lookup's name.
    private static PropertyInfo? NameOf(Type type) => Names.GetOrAdd(type, static type =>
    {
        if (type.IsValueType || type.GetConstructor(Type.EmptyTypes) is null)
        {
            return null;
        }

        var members = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.GetCustomAttribute<JsonPropertyNameAttribute>() is { Name: not "id" } && property.PropertyType == typeof(string))
            .ToList();
        return members.Count == 1 ? members[0] : null;
    });

    private sealed class Converter<T>(PropertyInfo name) : JsonConverter<T>
        where T : class, new()
    {
        private readonly PropertyInfo? _id = typeof(T).GetProperties().FirstOrDefault(property => property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name == "id");

        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                // The converter sits on the member, not the type: this reads the object with the type's own contract.
                return JsonSerializer.Deserialize<T>(ref reader, options);
            }

            var value = new T();
            name.SetValue(value, reader.GetString());
            return value;
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        {
            ArgumentNullException.ThrowIfNull(writer);
            if (name.GetValue(value) is string text && _id?.GetValue(value) is null && !HasOtherMembers(value))
            {
                writer.WriteStringValue(text);
                return;
            }

            JsonSerializer.Serialize(writer, value, options);
        }

        private static bool HasOtherMembers(T value) =>
            typeof(T).GetProperties().Any(property => property.GetCustomAttribute<JsonExtensionDataAttribute>() is not null
                && property.GetValue(value) is System.Collections.ICollection { Count: > 0 });
    }
}
