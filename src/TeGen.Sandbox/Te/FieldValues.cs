using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using TeGen.Sandbox.Store;

namespace TeGen.Sandbox.Te;

// Turns TE's lenient input forms into one stored form, and the stored form into TE's output forms.
internal static class FieldValues
{
    private static readonly string[] CreditScores = ["Excellent", "Good", "Fair", "Poor", "Very Poor"];

    // The fields of `defs` present in the body, normalized; a present null (or zero date) clears the field.
    public static Dictionary<string, JsonNode?> Read(TeCall call, JsonObject body, IEnumerable<FieldDef> defs)
    {
        var values = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var def in defs)
        {
            if (body.TryGetPropertyValue(def.Name, out var value))
            {
                values[def.Name] = Parse(call, def, value);
            }
        }

        return values;
    }

    public static void Assign(StoredEntity entity, Dictionary<string, JsonNode?> values)
    {
        foreach (var (name, value) in values)
        {
            entity.Fields[name] = value;
        }
    }

    public static JsonNode? Parse(TeCall call, FieldDef def, JsonNode? value)
    {
        if (TeValues.Kind(value) == JsonValueKind.Null)
        {
            return null;
        }

        return TryParse(call.Options, def, value!, out var parsed) ? parsed : throw call.Invalid($"Invalid value for field: '{def.Name}'");
    }

    public static void Render(JsonObject target, StoredEntity entity, IEnumerable<FieldDef> defs)
    {
        foreach (var def in defs)
        {
            target[def.Name] = entity.Fields.GetValueOrDefault(def.Name) switch
            {
                null => null,
                var stored when def.Kind == FieldKind.IntegerAsString => JsonValue.Create(stored.ToJsonString()),
                var stored => stored.DeepClone(),
            };
        }
    }

    private static bool TryParse(TeSandboxOptions options, FieldDef def, JsonNode value, out JsonNode? parsed)
    {
        parsed = null;
        var kind = TeValues.Kind(value);
        var text = kind is JsonValueKind.String or JsonValueKind.Number ? TeValues.Text(value) : null;
        switch (def.Kind)
        {
            case FieldKind.Text when text is not null:
                parsed = JsonValue.Create(text);
                return true;
            case FieldKind.Boolean when TeValues.TryParseBool(value, out var flag):
                parsed = JsonValue.Create(flag);
                return true;
            case FieldKind.IntegerAsString when TeValues.TryParseInt(value, out var number):
                parsed = JsonValue.Create(number);
                return true;
            case FieldKind.CreditScore when CreditScores.FirstOrDefault(score => score.Equals(text, StringComparison.OrdinalIgnoreCase)) is { } score:
                parsed = JsonValue.Create(score);
                return true;
            case FieldKind.Object when value is JsonObject:
                parsed = value.DeepClone();
                return true;
            case FieldKind.DateTime or FieldKind.DateOnly or FieldKind.Birthday
                when kind == JsonValueKind.String && TeValues.TryParseDate(text!, options.AcceptIsoDates, out var date):
                parsed = date is { } day ? JsonValue.Create(FormatDate(def.Kind, day)) : null;
                return true;
            default:
                return false;
        }
    }

    private static string FormatDate(FieldKind kind, DateTime value) => kind switch
    {
        FieldKind.Birthday => string.Create(CultureInfo.InvariantCulture, $"1970-{value.Month:00}-{value.Day:00}"),
        FieldKind.DateOnly => value.ToString(TeValues.DateFormat, CultureInfo.InvariantCulture),
        _ => value.ToString(TeValues.DateTimeFormat, CultureInfo.InvariantCulture),
    };
}
