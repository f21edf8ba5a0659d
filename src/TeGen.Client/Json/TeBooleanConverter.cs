using System.Text.Json;
using System.Text.Json.Serialization;

namespace TeGen.Client.Json;

/// <summary>
/// Reads TE booleans in every form TE uses (<c>true</c>, <c>"True"</c>, <c>"false"</c>, <c>1</c>, <c>"0"</c>)
/// and writes <c>1</c>/<c>0</c>: the one form every TE endpoint documents as accepted on input
/// (<c>/v1/leads</c> rejects the strings <c>"true"</c>/<c>"false"</c>, and JSON booleans are not documented as input).
/// </summary>
public sealed class TeBooleanConverter : JsonConverter<bool>
{
    /// <inheritdoc />
    public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        TeBooleanReader.Read(ref reader) ?? throw new JsonException("A TE boolean cannot be null here.");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value ? 1 : 0);
}

/// <summary>The nullable form of <see cref="TeBooleanConverter"/>; <c>null</c> and <c>""</c> read as no value.</summary>
public sealed class TeNullableBooleanConverter : JsonConverter<bool?>
{
    /// <inheritdoc />
    public override bool HandleNull => true;

    /// <inheritdoc />
    public override bool? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        TeBooleanReader.Read(ref reader);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, bool? value, JsonSerializerOptions options)
    {
        if (value is { } flag)
        {
            writer.WriteNumberValue(flag ? 1 : 0);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}

internal static class TeBooleanReader
{
    public static bool? Read(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number when reader.TryGetInt64(out var number) && number is 0 or 1:
                return number == 1;
            case JsonTokenType.String:
                var text = reader.GetString()!.Trim();
                if (text.Length == 0)
                {
                    return null;
                }

                if (bool.TryParse(text, out var flag))
                {
                    return flag;
                }

                if (text is "1" or "0")
                {
                    return text == "1";
                }

                break;
        }

        // The value itself is not repeated: this message can reach a log, and TE's answers hold personal data.
        throw new JsonException($"Not a TE boolean ({reader.TokenType} token); expected true/false, \"True\"/\"False\" or 1/0.");
    }
}
