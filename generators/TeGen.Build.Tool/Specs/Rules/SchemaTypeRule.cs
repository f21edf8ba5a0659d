using YamlDotNet.RepresentationModel;

namespace TeGen.Build.Specs.Rules;

/// <summary>
/// TEGEN011: a schema's <c>type</c> that OpenAPI does not define (<c>strnig</c>) would silently become
/// <c>object</c>. Examples, extensions and security schemes (whose <c>type</c> is <c>oauth2</c>, ...) are not schemas.
/// </summary>
internal static class SchemaTypeRule
{
    private static readonly HashSet<string> Types = ["string", "number", "integer", "boolean", "array", "object", "null", "file"];

    private static readonly HashSet<string> NotSchemas = ["example", "examples", "securitySchemes", "securityDefinitions", "enum", "default", "const"];

    public static void Apply(SpecRuleContext context)
    {
        foreach (var (key, node, _) in SpecDocument.Walk(context.Document.Root, Enter))
        {
            if (key?.Value != "type")
            {
                continue;
            }

            IEnumerable<YamlNode> values = node is YamlSequenceNode sequence ? sequence.Children : [node];
            foreach (var value in values.OfType<YamlScalarNode>().Where(v => v.Value is { } type && !Types.Contains(type)))
            {
                context.Report(SpecDiagnosticCodes.UnknownSchemaType, SpecDiagnosticSeverity.Warning, value.Start,
                    $"Unknown schema type '{value.Value}' (expected one of string, number, integer, boolean, array, object): it is generated as object.");
            }
        }
    }

    private static bool Enter(YamlScalarNode key) =>
        key.Value is { } name && !NotSchemas.Contains(name) && !name.StartsWith("x-", StringComparison.Ordinal);
}
