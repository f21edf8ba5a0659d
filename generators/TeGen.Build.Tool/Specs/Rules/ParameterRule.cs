using YamlDotNet.RepresentationModel;

namespace TeGen.Build.Specs.Rules;

/// <summary>
/// Parameters become C# arguments. The wire name (<c>name</c>) must not change, so a name that is not already a
/// camelCase identifier gets <c>x-originalName</c>, which NSwag takes for the argument's name:
/// <c>first_name</c> → <c>firstName</c>, <c>page[number]</c> → <c>pageNumber</c>, <c>class</c> → <c>class_</c>.
/// Two parameters of one operation that end up with one name get 2, 3, ...
/// </summary>
internal static class ParameterRule
{
    public static void Apply(SpecRuleContext context)
    {
        foreach (var operation in context.Document.Operations())
        {
            var taken = new HashSet<string>(StringComparer.Ordinal);
            var parameters = Parameters(operation.PathItem).Concat(Parameters(operation.Node)).ToList();
            foreach (var parameter in parameters)
            {
                Rename(context, parameter, taken);
            }
        }

        foreach (var (_, parameter) in SpecDocument.Entries(SpecDocument.Child(SpecDocument.Child(context.Document.Root, "components"), "parameters")))
        {
            if (parameter is YamlMappingNode mapping)
            {
                Rename(context, mapping, new HashSet<string>(StringComparer.Ordinal));
            }
        }
    }

    private static IEnumerable<YamlMappingNode> Parameters(YamlNode owner) =>
        SpecDocument.Child(owner, "parameters") is YamlSequenceNode list
            ? list.Children.OfType<YamlMappingNode>().Where(p => SpecDocument.Child(p, "$ref") is null)
            : [];

    private static void Rename(SpecRuleContext context, YamlMappingNode parameter, HashSet<string> taken)
    {
        var wireName = SpecDocument.Scalar(parameter, "name");
        if (wireName is null || SpecDocument.Child(parameter, "x-originalName") is not null)
        {
            return;
        }

        var plain = CSharpIdentifiers.IsPlain(wireName) && char.IsLower(wireName[0]) && CSharpIdentifiers.ToCamelCase(wireName) == wireName;
        var name = CSharpIdentifiers.MakeUnique(plain ? wireName : CSharpIdentifiers.ToCamelCase(wireName), taken);
        if (name != wireName)
        {
            context.Set(parameter, "x-originalName", name);
        }
    }
}
