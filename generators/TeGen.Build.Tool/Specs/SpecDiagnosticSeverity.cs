namespace TeGen.Build.Specs;

/// <summary>How a <see cref="SpecDiagnostic"/> affects the build.</summary>
public enum SpecDiagnosticSeverity
{
    /// <summary>Reported; the client is still generated.</summary>
    Warning,

    /// <summary>The client cannot be generated from this spec.</summary>
    Error,
}
