using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TeGen.Client.Json;

/// <summary>
/// Reads an id TE sends sometimes as a JSON string (<c>"1234abcd7"</c>, <c>"58"</c>) and sometimes as a JSON number
/// (<c>1234</c>) into a string, the number kept as it was spelled, and writes it as a JSON string. The generated models
/// use it on members the spec marks <c>x-te-id: string-or-number</c> (docs/te-api.md, "Ids that are strings"): such an
/// id is not always digits, so it cannot be an integer, and a plain string member would fail the whole record on a number.
/// </summary>
public sealed class TeStringOrNumberConverter : JsonConverter<string>
{
    /// <inheritdoc />
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan),
        JsonTokenType.Null => null,

        // The value itself is not repeated: this message can reach a log, and TE's answers hold personal data.
        _ => throw new JsonException($"Not a TE id ({reader.TokenType} token); expected a string or a number."),
    };

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }
}
