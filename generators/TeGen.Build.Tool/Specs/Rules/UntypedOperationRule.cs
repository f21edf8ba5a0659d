using YamlDotNet.RepresentationModel;

namespace TeGen.Build.Specs.Rules;

/// <summary>
/// TEGEN010, once per operation: a success (2xx) response declares content (media types, maybe examples) but no
/// schema. NSwag then generates a method returning <c>Task</c> and the body is read by no one. A success response
/// without content (204, or 200 with a description only) is not reported: it says there is no body.
/// </summary>
internal static class UntypedOperationRule
{
    public static void Apply(SpecRuleContext context)
    {
        var severity = context.Options.UntypedOperationsAsErrors ? SpecDiagnosticSeverity.Error : SpecDiagnosticSeverity.Warning;
        foreach (var operation in context.Document.Operations())
        {
            var successes = SpecDocument.Entries(SpecDocument.Child(operation.Node, "responses"))
                .Where(r => r.Key.Value is { } status && status.StartsWith('2'))
                .Select(r => context.Document.Resolve(r.Value))
                .ToList();
            if (successes.Any(HasSchema) || !successes.Any(r => HasBody(r, context.Document.IsSwagger2)))
            {
                continue;
            }

            context.Report(SpecDiagnosticCodes.UntypedOperation, severity, operation.MethodKey.Start,
                $"Operation {operation.DisplayName} has no response schema: the generated method returns Task and discards the response body. Add a schema to its success response.");
        }
    }

    private static bool HasSchema(YamlNode? response) =>
        SpecDocument.Child(response, "schema") is not null
        || SpecDocument.Entries(SpecDocument.Child(response, "content")).Any(m => SpecDocument.Child(m.Value, "schema") is not null);

    private static bool HasBody(YamlNode? response, bool swagger2) =>
        swagger2 ? SpecDocument.Child(response, "examples") is not null : SpecDocument.Entries(SpecDocument.Child(response, "content")).Any();
}
