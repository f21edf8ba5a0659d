using TeGen.Build.Specs;

namespace TeGen.Tool.Specs;

/// <summary>
/// <see cref="ISpecChecker"/> that runs TeGen.Build's own analysis — the code a build runs before generating — so
/// <c>spec check</c> reports exactly the TEGEN errors and warnings a build would, at the same lines; the names the
/// generator rewrites are listed beside them, from <paramref name="names"/>.
/// </summary>
internal sealed class BuildSpecChecker(ISpecChecker names) : ISpecChecker
{
    public async Task<IReadOnlyList<SpecFinding>> CheckAsync(string path, CancellationToken cancellationToken)
    {
        var analysis = await Task.Run(() => SpecAnalyzer.Analyze(path), cancellationToken).ConfigureAwait(false);
        var findings = analysis.Diagnostics.Select(ToFinding).ToList();
        if (!analysis.HasErrors)
        {
            findings.AddRange((await names.CheckAsync(path, cancellationToken).ConfigureAwait(false)).Where(f => f.Kind == SpecFinding.Identifier));
        }

        return findings;
    }

    private static SpecFinding ToFinding(SpecDiagnostic diagnostic) => new(
        diagnostic.Code == SpecDiagnosticCodes.UntypedOperation ? SpecFinding.Untyped
            : diagnostic.Severity == SpecDiagnosticSeverity.Error ? SpecFinding.Error
            : SpecFinding.Warning,
        $"{diagnostic.Code}: {diagnostic.Message}",
        Line: diagnostic.Line > 0 ? diagnostic.Line : null);
}
