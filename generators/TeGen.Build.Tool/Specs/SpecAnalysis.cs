using YamlDotNet.RepresentationModel;

namespace TeGen.Build.Specs;

/// <summary>What <see cref="SpecAnalyzer"/> found in a spec, and the copy to generate from.</summary>
public sealed class SpecAnalysis
{
    private readonly YamlStream? normalized;

    internal SpecAnalysis(IReadOnlyList<SpecDiagnostic> diagnostics, YamlStream? normalized, IReadOnlyList<SpecOperationName>? operationNames = null)
    {
        Diagnostics = diagnostics;
        this.normalized = normalized;
        OperationNames = operationNames ?? [];
    }

    /// <summary>Every finding, in the order of the spec.</summary>
    public IReadOnlyList<SpecDiagnostic> Diagnostics { get; }

    /// <summary>
    /// The operations without a usable operationId, with the method name the generator gives each (in the order of
    /// the spec); empty when the spec cannot be read.
    /// </summary>
    public IReadOnlyList<SpecOperationName> OperationNames { get; }

    /// <summary>Whether any diagnostic is an error: no client can be generated.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == SpecDiagnosticSeverity.Error);

    /// <summary>
    /// Whether names had to be rewritten as C# identifiers; if not, the spec itself is generated from (and NSwag's
    /// own messages point at its lines).
    /// </summary>
    public bool NeedsNormalizedCopy => normalized is not null;

    /// <summary>Writes the copy with C# names (wire names unchanged) as YAML, for NSwag to read.</summary>
    /// <exception cref="InvalidOperationException">The spec needs no copy (<see cref="NeedsNormalizedCopy"/> is false).</exception>
    public void WriteNormalizedCopy(string path)
    {
        if (normalized is null)
        {
            throw new InvalidOperationException("The spec needs no normalized copy: generate from the spec itself.");
        }

        using var writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        normalized.Save(writer, assignAnchors: false);
    }
}
