namespace TeGen.Tool.Specs;

/// <summary>
/// Checks a spec the way code generation needs it: parse errors, untyped operations, identifiers that need sanitizing.
/// <see cref="BuildSpecChecker"/> runs TeGen.Build's own analysis.
/// </summary>
internal interface ISpecChecker
{
    Task<IReadOnlyList<SpecFinding>> CheckAsync(string path, CancellationToken cancellationToken);
}
