using Microsoft.CodeAnalysis.Diagnostics;

namespace TeGen.Analyzers;

/// <summary>
/// Base of every TeGen analyzer: generated code is skipped, analysis runs concurrently, and the TeGen types are shared
/// by the rules of a compilation and resolved only when a rule's syntax filter needs them; a compilation that does
/// not reference TeGen.Client is left alone.
/// </summary>
public abstract class TeGenAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (TeGenSymbols.From(start.Compilation) is { } symbols)
            {
                Start(start, symbols);
            }
        });
    }

    /// <summary>Registers the rule's actions for a compilation that references TeGen.Client.</summary>
    /// <param name="context">The compilation start context.</param>
    /// <param name="symbols">The TeGen types of this compilation.</param>
    internal abstract void Start(CompilationStartAnalysisContext context, TeGenSymbols symbols);
}
