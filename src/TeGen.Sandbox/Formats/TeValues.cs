using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TeGen.Sandbox.Formats;

// TE's input and output formats (docs/te-api.md, "Input TeGen's sandbox accepts").
internal static class TeValues
{
    public const string DateTimeFormat = "yyyy-MM-dd HH:mm:ss";
    public const string DateFormat = "yyyy-MM-dd";

    public static string FormatDateTime(DateTimeOffset value) => value.UtcDateTime.ToString(DateTimeFormat, CultureInfo.InvariantCulture);

    public static JsonValueKind Kind(JsonNode? node) => node?.GetValueKind() ?? JsonValueKind.Null;

    // Booleans come as true/false, "True"/"False" or 1/0; the strictness TE documents for /v1/leads alone
    // ("true"/"false" refused there) implies classic endpoints take the lower-case strings too, as do "1"/"0".
    public static bool TryParseBool(JsonNode? node, out bool value)
    {
        value = false;
        switch (Kind(node))
        {
            case JsonValueKind.True:
                value = true;
                return true;
            case JsonValueKind.False:
                return true;
            case JsonValueKind.Number:
                var number = node!.ToJsonString();
                value = number == "1";
                return number is "1" or "0";
            case JsonValueKind.String:
                return TryParseBool(node!.GetValue<string>(), out value);
            default:
                return false;
        }
    }

    public static bool TryParseBool(string text, out bool value)
    {
        value = text.Equals("true", StringComparison.OrdinalIgnoreCase) || text == "1";
        return value || text.Equals("false", StringComparison.OrdinalIgnoreCase) || text == "0";
    }

    // Returns false for a value that is not a date; a clearing value ("0000-00-00 00:00:00") parses to null.
    public static bool TryParseDate(string text, bool acceptIso, out DateTime? value)
    {
        value = null;
        var trimmed = text.Trim();
        if (trimmed.StartsWith("0000-00-00", StringComparison.Ordinal))
        {
            return true;
        }

        if (DateTime.TryParseExact(trimmed, [DateTimeFormat, DateFormat], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed))
        {
            value = parsed;
            return true;
        }

        if (acceptIso && DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var iso))
        {
            value = iso.UtcDateTime;
            return true;
        }

        return false;
    }

    public static bool TryParseInt(JsonNode? node, out long value)
    {
        value = 0;
        return Kind(node) switch
        {
            JsonValueKind.Number => long.TryParse(node!.ToJsonString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out value),
            JsonValueKind.String => long.TryParse(node!.GetValue<string>(), NumberStyles.Integer, CultureInfo.InvariantCulture, out value),
            _ => false,
        };
    }

    // Text as TE would compare it: strings as they are, numbers in their JSON spelling.
    public static string? Text(JsonNode? node) => Kind(node) switch
    {
        JsonValueKind.String => node!.GetValue<string>(),
        JsonValueKind.Number => node!.ToJsonString(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    // A member of a node that may not be an object at all (clients send strings where objects belong).
    public static JsonNode? Member(JsonNode? node, string name) => (node as JsonObject)?[name];

    public static bool IsBlank(JsonNode? node) => string.IsNullOrWhiteSpace(Text(node));

    // Dedup compares phones on digits only, and only numbers of at least 7 digits take part (the contact create operation in the spec).
    public static string? PhoneKey(string? phone)
    {
        if (phone is null)
        {
            return null;
        }

        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        return digits.Length >= 7 ? digits : null;
    }

    public static bool SameText(string? a, string? b) =>
        !string.IsNullOrWhiteSpace(a) && !string.IsNullOrWhiteSpace(b) && string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}
