using YamlDotNet.RepresentationModel;

namespace TeGen.Build.Specs.Rules;

/// <summary>
/// operationIds name the generated methods. An id that is not letters and digits becomes PascalCase
/// (<c>get_contacts</c> → <c>GetContacts</c>); a missing one is made from the method and path
/// (<c>GET /v1/contacts/{id}</c> → <c>GetV1ContactsId</c>); a repeated one (compared ignoring case, as the
/// generated names are) gets 2, 3, ... in document order and a TEGEN012 warning naming the first one's line.
/// Plain, unique ids are left as written, so <c>/excludedOperationIds:</c> keeps matching them.
/// </summary>
internal static class OperationIdRule
{
    public static void Apply(SpecRuleContext context)
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var firstUse = new Dictionary<string, YamlScalarNode>(StringComparer.OrdinalIgnoreCase);
        foreach (var operation in context.Document.Operations())
        {
            var idNode = SpecDocument.Child(operation.Node, "operationId") as YamlScalarNode;
            var original = idNode?.Value;
            var name = string.IsNullOrWhiteSpace(original)
                ? CSharpIdentifiers.ToPascalCase(operation.Method.ToLowerInvariant() + " " + operation.Path)
                : CSharpIdentifiers.IsPlain(original) ? original : CSharpIdentifiers.ToPascalCase(original);
            var unique = CSharpIdentifiers.MakeUnique(name, taken);
            if (string.IsNullOrWhiteSpace(original) || !CSharpIdentifiers.IsPlain(original))
            {
                context.OperationNames.Add(new SpecOperationName(operation.Method, operation.Path, original, unique, (int)(idNode?.Start.Line ?? operation.Line)));
            }

            if (idNode is not null && original is not null && unique != name && firstUse.TryGetValue(name, out var first))
            {
                context.Report(SpecDiagnosticCodes.DuplicateOperationId, SpecDiagnosticSeverity.Warning, idNode.Start,
                    $"operationId '{original}' is also used at line {first.Start.Line}: this operation's method is named {unique}.");
            }

            if (idNode is not null)
            {
                firstUse.TryAdd(name, idNode);
                context.Rename(idNode, unique);
            }
            else
            {
                context.Set(operation.Node, "operationId", unique);
            }
        }
    }
}
