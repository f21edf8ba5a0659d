namespace TeGen.Tool.Specs;

/// <summary>
/// Checks a spec the way code generation needs it: parse errors, untyped operations, identifiers that need sanitizing.
/// An interface so TeGen.Build's own spec analysis can take the place of <see cref="OpenApiSpecChecker"/>.
/// </summary>
internal interface ISpecChecker
{
    Task<IReadOnlyList<SpecFinding>> CheckAsync(string path, CancellationToken cancellationToken);
}
