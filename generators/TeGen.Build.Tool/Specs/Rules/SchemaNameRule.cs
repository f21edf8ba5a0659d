using YamlDotNet.RepresentationModel;

namespace TeGen.Build.Specs.Rules;

/// <summary>
/// Schema names become class names: a name with anything but letters, digits and underscores (or starting with a
/// digit) becomes PascalCase, and every <c>$ref</c> and discriminator mapping naming it follows.
/// </summary>
internal static class SchemaNameRule
{
    public static void Apply(SpecRuleContext context)
    {
        var (container, prefix) = context.Document.IsSwagger2
            ? (SpecDocument.Child(context.Document.Root, "definitions"), "#/definitions/")
            : (SpecDocument.Child(SpecDocument.Child(context.Document.Root, "components"), "schemas"), "#/components/schemas/");
        if (container is not YamlMappingNode schemas)
        {
            return;
        }

        var names = SpecDocument.Entries(schemas).Select(e => e.Key.Value!).ToList();
        var taken = new HashSet<string>(names.Where(IsTypeName), StringComparer.OrdinalIgnoreCase);
        var renames = names.Where(n => !IsTypeName(n)).ToDictionary(n => n, n => CSharpIdentifiers.MakeUnique(CSharpIdentifiers.ToPascalCase(n), taken), StringComparer.Ordinal);
        if (renames.Count == 0)
        {
            return;
        }

        context.RenameKeys(schemas, renames);
        var references = renames.ToDictionary(r => prefix + Escape(r.Key), r => prefix + r.Value, StringComparer.Ordinal);
        var tree = SpecDocument.Walk(context.Document.Root).ToList();
        var discriminatorMappings = tree.Where(e => e.Key?.Value == "mapping").Select(e => e.Node).ToHashSet(ReferenceEqualityComparer.Instance);
        foreach (var (key, node, parent) in tree)
        {
            if (node is YamlScalarNode { Value: { } value } scalar
                && (key?.Value == "$ref" || (parent is not null && discriminatorMappings.Contains(parent)))
                && (references.TryGetValue(value, out var renamed) || references.TryGetValue(Uri.UnescapeDataString(value), out renamed)))
            {
                context.Rename(scalar, renamed);
            }
        }
    }

    private static bool IsTypeName(string name) =>
        name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => char.IsLetterOrDigit(c) || c == '_');

    private static string Escape(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
