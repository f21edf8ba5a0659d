using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TeGen.Sandbox.Formats;

// TE's lenient input forms (docs/te-api.md, "Input TeGen's sandbox accepts") turned into one stored form: numbers
// sent as strings, 1/0 and "True"/"False" booleans, "YYYY-MM-DD hh:mm:ss" or "YYYY-MM-DD" dates, a zero date clearing.
internal static class ValueCoercion
{
    public static bool TryText(JsonNode value, out JsonNode? normalized)
    {
        normalized = TeValues.Kind(value) is JsonValueKind.String or JsonValueKind.Number ? JsonValue.Create(TeValues.Text(value)) : null;
        return normalized is not null;
    }

    public static bool TryBoolean(JsonNode value, out JsonNode? normalized)
    {
        normalized = TeValues.TryParseBool(value, out var flag) ? JsonValue.Create(flag) : null;
        return normalized is not null;
    }

    public static bool TryInteger(JsonNode value, out JsonNode? normalized)
    {
        normalized = TeValues.TryParseInt(value, out var number) ? JsonValue.Create(number) : null;
        return normalized is not null;
    }

    public static bool TryNumber(JsonNode value, out JsonNode? normalized)
    {
        normalized = TeValues.Kind(value) is JsonValueKind.String or JsonValueKind.Number
            && decimal.TryParse(TeValues.Text(value), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? JsonValue.Create(number)
            : null;
        return normalized is not null;
    }

    // `dateOnly` keeps the day ("1985-04-03"); otherwise the value is a date-time ("2024-05-06 00:00:00").
    public static bool TryDate(JsonNode value, bool dateOnly, bool acceptIso, out JsonNode? normalized)
    {
        normalized = null;
        if (TeValues.Kind(value) != JsonValueKind.String || !TeValues.TryParseDate(value.GetValue<string>(), acceptIso, out var date))
        {
            return false;
        }

        normalized = date is { } day ? JsonValue.Create(day.ToString(dateOnly ? TeValues.DateFormat : TeValues.DateTimeFormat, CultureInfo.InvariantCulture)) : null;
        return true;
    }
}
