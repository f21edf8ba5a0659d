using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using TeGen.Sandbox.Formats;
using TeGen.Sandbox.Replies;
using TeGen.Sandbox.Spec;

namespace TeGen.Sandbox.Validation;

// Checks a request body against the operation's schema and returns it in stored form (TE's coercions applied). A
// member of the wrong type, or a required member missing, is refused naming it ("owner.username",
// "questions[0].data_type"). A member the schema does not define is refused in strict mode and dropped otherwise, so
// the rules behind never see it.
internal sealed class BodyValidator(TeSandboxOptions options, bool checkRequired)
{
    private bool Strict => options.StrictRequestMembers;

    private int Status => options.ValidationErrorStatus;

    // x-te-strict-booleans on the body's schema: TE refuses the strings "true"/"false" there (ALM lead updates), so only
    // true, false, 1 and 0 pass, in the body and everything it holds.
    private bool _strictBooleans;

    public JsonObject Validate(JsonObject body, Shape shape)
    {
        _strictBooleans = shape.Extensions.GetValueOrDefault("x-te-strict-booleans")?.ToJsonString() == "true";
        return Object(body, shape, "");
    }

    private JsonObject Object(JsonObject value, Shape shape, string path)
    {
        var result = new JsonObject();
        foreach (var (name, member) in value)
        {
            var at = path.Length == 0 ? name : $"{path}.{name}";
            if (shape.Properties.TryGetValue(name, out var memberShape))
            {
                result[name] = Value(member, memberShape, at);
            }
            else if (shape.AnyMembers)
            {
                result[name] = member?.DeepClone();
            }
            else if (Strict)
            {
                throw TeErrors.UnknownMember(Status, at);
            }
        }

        // Some rules check required members themselves: a contact POST naming an existing contact's id needs none of
        // them, a survey update may name a question by its id alone.
        var missing = checkRequired
            ? shape.Required.FirstOrDefault(name => result[name] is not (JsonObject or JsonArray) && TeValues.IsBlank(result[name]))
            : null;
        if (missing is not null)
        {
            throw TeErrors.Missing(Status, path.Length == 0 ? missing : $"{path}.{missing}");
        }

        return result;
    }

    private JsonNode? Value(JsonNode? value, Shape shape, string path)
    {
        if (TeValues.Kind(value) == JsonValueKind.Null)
        {
            return null;
        }

        // x-te-ref: name-or-object: a lookup named by a bare string ("loan_type": "FHA") is the object naming it.
        if (value is JsonValue && shape.Extensions.GetValueOrDefault("x-te-ref")?.GetValue<string>() == "name-or-object"
            && shape.Properties.Keys.SingleOrDefault(name => name != "id") is { } nameMember)
        {
            value = new JsonObject { [nameMember] = value.DeepClone() };
        }

        if (shape.IsObject || shape.Is(JsonSchemaType.Object))
        {
            return value is JsonObject member ? Object(member, shape, path) : throw Invalid(path);
        }

        if (shape.IsArray)
        {
            return value is JsonArray array && (shape.MaxItems is not { } max || array.Count <= max)
                ? new JsonArray([.. array.Select((item, i) => Item(item, shape.Items ?? Shape.Any, $"{path}[{i}]"))])
                : throw Invalid(path);
        }

        return Scalar(value!, shape, path);
    }

    // An element of an array is a value like any other, except that it cannot be absent: null is refused unless allowed.
    private JsonNode? Item(JsonNode? item, Shape shape, string path) =>
        item is null && shape.Type is not null && !shape.Nullable ? throw Invalid(path) : Value(item, shape, path);

    private JsonNode? Scalar(JsonNode value, Shape shape, string path)
    {
        JsonNode? normalized;
        var ok = shape.Type switch
        {
            null => (normalized = value.DeepClone()) is not null,
            JsonSchemaType.Boolean when _strictBooleans && TeValues.Kind(value) == JsonValueKind.String => throw TeErrors.Invalid(Status, path, "booleans here are true, false, 1 or 0, not strings"),
            JsonSchemaType.Boolean => ValueCoercion.TryBoolean(value, out normalized),
            JsonSchemaType.Integer => ValueCoercion.TryInteger(value, out normalized) && InRange(normalized!, shape),
            JsonSchemaType.Number => ValueCoercion.TryNumber(value, out normalized) && InRange(normalized!, shape),
            JsonSchemaType.String when shape.IsDateTime || shape.IsDate => ValueCoercion.TryDate(value, shape.IsDate, options.AcceptIsoDates, out normalized),
            JsonSchemaType.String => ValueCoercion.TryText(value, out normalized) && OneOf(ref normalized, shape),
            _ => (normalized = value.DeepClone()) is not null,
        };
        return ok ? normalized : throw Invalid(path);
    }

    private static bool InRange(JsonNode number, Shape shape)
    {
        var value = decimal.Parse(number.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);
        return (shape.Minimum is not { } min || value >= min) && (shape.Maximum is not { } max || value <= max);
    }

    // Enumerated text is matched without regard to case and stored as the spec spells it ("very poor" → "Very Poor").
    private static bool OneOf(ref JsonNode? text, Shape shape)
    {
        if (shape.Enum is not { } values)
        {
            return true;
        }

        var given = text!.GetValue<string>();
        var match = values.FirstOrDefault(value => value.Equals(given.Trim(), StringComparison.OrdinalIgnoreCase));
        text = match is null ? null : JsonValue.Create(match);
        return match is not null;
    }

    private TeException Invalid(string path) => TeErrors.Invalid(Status, path);
}
