using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TeGen.Build.Specs;

/// <summary>What the rules share while they read (and rename in) one spec.</summary>
internal sealed class SpecRuleContext(SpecDocument document, SpecAnalysisOptions options)
{
    public SpecDocument Document { get; } = document;

    public SpecAnalysisOptions Options { get; } = options;

    public List<SpecDiagnostic> Diagnostics { get; } = [];

    /// <summary>The operations whose method names the generator chooses (see <see cref="SpecAnalysis.OperationNames"/>).</summary>
    public List<SpecOperationName> OperationNames { get; } = [];

    /// <summary>Whether any name was rewritten, so NSwag must read the normalized copy.</summary>
    public bool Changed { get; private set; }

    public void Report(string code, SpecDiagnosticSeverity severity, Mark at, string message) =>
        Diagnostics.Add(new SpecDiagnostic(code, severity, Document.File, (int)at.Line, (int)at.Column, message));

    /// <summary>Replaces a scalar's text; the copy NSwag reads gets it quoted, so no name can turn into a number or a bool.</summary>
    public void Rename(YamlScalarNode node, string value)
    {
        if (node.Value == value)
        {
            return;
        }

        node.Value = value;
        node.Style = ScalarStyle.DoubleQuoted;
        Changed = true;
    }

    /// <summary>Adds or replaces <paramref name="key"/> in a mapping.</summary>
    public void Set(YamlMappingNode mapping, string key, string value)
    {
        mapping.Children[new YamlScalarNode(key)] = new YamlScalarNode(value) { Style = ScalarStyle.DoubleQuoted };
        Changed = true;
    }

    /// <summary>Renames mapping keys (a mapping's keys cannot change in place: they are its dictionary's keys).</summary>
    public void RenameKeys(YamlMappingNode mapping, IReadOnlyDictionary<string, string> renames)
    {
        if (renames.Count == 0)
        {
            return;
        }

        var entries = mapping.Children.ToList();
        mapping.Children.Clear();
        foreach (var (key, value) in entries)
        {
            var name = (key as YamlScalarNode)?.Value;
            mapping.Children.Add(
                name is not null && renames.TryGetValue(name, out var renamed) ? new YamlScalarNode(renamed) { Style = ScalarStyle.DoubleQuoted } : key,
                value);
        }

        Changed = true;
    }
}
