namespace TeGen.Build.Specs.Rules;

/// <summary>
/// A local <c>$ref</c> that points at nothing is an invalid spec (TEGEN001) at the line that uses it; NSwag would
/// report it without a position. References to other files are left to NSwag.
/// </summary>
internal static class ReferenceRule
{
    public static void Apply(SpecRuleContext context)
    {
        foreach (var (key, node, _) in SpecDocument.Walk(context.Document.Root))
        {
            if (key?.Value == "$ref" && node is YamlDotNet.RepresentationModel.YamlScalarNode { Value: { } reference } scalar
                && reference.StartsWith('#') && context.Document.FindPointer(reference) is null)
            {
                context.Report(SpecDiagnosticCodes.InvalidSpec, SpecDiagnosticSeverity.Error, scalar.Start,
                    $"The OpenAPI description is invalid: Could not resolve the path '{reference}'.");
            }
        }
    }

    /// <summary>Whether any <c>$ref</c> names another file, whose names a normalized copy could not follow.</summary>
    public static bool HasExternalReferences(SpecDocument document) =>
        SpecDocument.Walk(document.Root).Any(e => e.Key?.Value == "$ref"
            && e.Node is YamlDotNet.RepresentationModel.YamlScalarNode { Value: { } reference } && !reference.StartsWith('#'));
}
