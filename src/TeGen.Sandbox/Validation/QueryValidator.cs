using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using TeGen.Sandbox.Formats;
using TeGen.Sandbox.Replies;
using TeGen.Sandbox.Spec;

namespace TeGen.Sandbox.Validation;

// Query parameters the spec types (numbers, booleans, enumerations) are checked before the rules run: a wrong one is
// a 400 naming it. `skipped` are those another part reads with its own rules (paging).
internal static class QueryValidator
{
    public static void Validate(IQueryCollection query, IEnumerable<SpecParameter> parameters, IReadOnlyCollection<string> skipped)
    {
        foreach (var parameter in parameters.Where(parameter => !skipped.Contains(parameter.Name)))
        {
            if (!query.TryGetValue(parameter.Name, out var values))
            {
                if (parameter.Required)
                {
                    throw TeErrors.BadRequest($"Missing required parameter: '{parameter.Name}'");
                }

                continue;
            }

            var text = values.ToString();
            JsonNode value = JsonValue.Create(text);
            var shape = parameter.Shape;
            var ok = shape.Type switch
            {
                JsonSchemaType.Integer => ValueCoercion.TryInteger(value, out _),
                JsonSchemaType.Number => ValueCoercion.TryNumber(value, out _),
                JsonSchemaType.Boolean => ValueCoercion.TryBoolean(value, out _),
                _ => shape.Enum is not { } allowed || allowed.Contains(text, StringComparer.OrdinalIgnoreCase),
            };
            if (!ok)
            {
                throw TeErrors.InvalidQuery(parameter.Name, text);
            }
        }
    }
}
