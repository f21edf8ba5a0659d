using YamlDotNet.RepresentationModel;

namespace TeGen.Build.Specs.Rules;

/// <summary>
/// Tags name the generated clients (<c>{controller}Client</c> takes the first tag): a tag that is not letters and
/// digits becomes PascalCase, <c>Lead Opportunities (New)</c> → <c>LeadOpportunitiesNew</c>, in the operations
/// and in the top-level tag list alike. Tags that are already plain are left as written.
/// </summary>
internal static class TagRule
{
    public static void Apply(SpecRuleContext context)
    {
        foreach (var operation in context.Document.Operations())
        {
            if (SpecDocument.Child(operation.Node, "tags") is YamlSequenceNode tags)
            {
                foreach (var tag in tags.Children.OfType<YamlScalarNode>())
                {
                    Sanitize(context, tag);
                }
            }
        }

        if (SpecDocument.Child(context.Document.Root, "tags") is YamlSequenceNode declared)
        {
            foreach (var name in declared.Children.Select(t => SpecDocument.Child(t, "name")).OfType<YamlScalarNode>())
            {
                Sanitize(context, name);
            }
        }
    }

    private static void Sanitize(SpecRuleContext context, YamlScalarNode tag)
    {
        if (tag.Value is { } name && !CSharpIdentifiers.IsPlain(name))
        {
            context.Rename(tag, CSharpIdentifiers.ToPascalCase(name));
        }
    }
}
