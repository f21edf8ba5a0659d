using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace TeGen.Analyzers.Tests.Cost;

/// <summary>
/// Captures the compilation the analyzers of a run are given (the driver analyzes its own copy of the one passed
/// in), so that a test can ask what the rules looked up in it.
/// </summary>
#pragma warning disable RS1001 // Handed to CompilationWithAnalyzers directly, never loaded by a compiler.
internal sealed class CompilationProbe : DiagnosticAnalyzer
#pragma warning restore RS1001
{
    public Compilation? Seen { get; private set; }

    // Never reported; the driver skips an analyzer that supports no diagnostic.
#pragma warning disable RS2008 // Not a shipped rule.
    private static readonly DiagnosticDescriptor Unused = new("PROBE1", "Probe", "Probe", "Test", DiagnosticSeverity.Hidden, isEnabledByDefault: true);
#pragma warning restore RS2008

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Unused];

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationAction(c => Seen = c.Compilation);
    }
}
