using TeGen.Build.Specs;

namespace TeGen.Tool.Specs;

/// <summary>
/// <see cref="ISpecChecker"/> that runs TeGen.Build's own analysis — the code a build runs before generating — so
/// <c>spec check</c> reports exactly the TEGEN errors and warnings a build would, at the same lines, and beside them
/// the operations whose method names the generator chooses, with the name each gets.
/// </summary>
internal sealed class BuildSpecChecker : ISpecChecker
{
    public async Task<IReadOnlyList<SpecFinding>> CheckAsync(string path, CancellationToken cancellationToken)
    {
        var analysis = await Task.Run(() => SpecAnalyzer.Analyze(path), cancellationToken).ConfigureAwait(false);
        var findings = analysis.Diagnostics.Select(ToFinding).ToList();
        if (!analysis.HasErrors)
        {
            findings.AddRange(analysis.OperationNames.Select(ToFinding));
        }

        return findings;
    }

    private static SpecFinding ToFinding(SpecDiagnostic diagnostic) => new(
        diagnostic.Code == SpecDiagnosticCodes.UntypedOperation ? SpecFinding.Untyped
            : diagnostic.Severity == SpecDiagnosticSeverity.Error ? SpecFinding.Error
            : SpecFinding.Warning,
        $"{diagnostic.Code}: {diagnostic.Message}",
        Line: diagnostic.Line > 0 ? diagnostic.Line : null);

    private static SpecFinding ToFinding(SpecOperationName operation) => new(
        SpecFinding.Identifier,
        operation.OperationId is null
            ? "has no operationId: the generator invents a method name from the path"
            : $"'{operation.OperationId}' is not a C# identifier; the method is generated as {operation.Name}Async",
        operation.OperationId,
        operation.Method,
        operation.Path,
        operation.Line);
}
