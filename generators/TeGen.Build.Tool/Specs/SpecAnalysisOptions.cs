namespace TeGen.Build.Specs;

/// <summary>How strictly a spec is checked and which names are rewritten.</summary>
public sealed record SpecAnalysisOptions
{
    /// <summary>Report operations without a response schema (TEGEN010) as errors instead of warnings.</summary>
    public bool UntypedOperationsAsErrors { get; init; }

    /// <summary>
    /// Give parameters camelCase argument names (<c>first_name</c> → <c>firstName</c>). Off, only names that are
    /// not C# at all are left to NSwag's own rule; TeGen's library mode keeps NSwag's names, which its templates
    /// and a library's public API were written against.
    /// </summary>
    public bool CamelCaseParameters { get; init; } = true;
}
