using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace TeGen.Analyzers.Rules;

/// <summary>
/// TE0004: a non-blank constant string (a literal or a <c>const</c>) is assigned to
/// <c>TotalExpertClientOptions.ClientSecret</c>, in an object initializer or a plain assignment.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HardcodedSecretAnalyzer : TeGenAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.HardcodedClientSecret);

    internal override void Start(CompilationStartAnalysisContext context, TeGenSymbols symbols)
    {
        if (symbols.Options?.GetMembers("ClientSecret").OfType<IPropertySymbol>().FirstOrDefault() is not { } secret)
        {
            return;
        }

        context.RegisterOperationAction(
            c =>
            {
                var assignment = (IAssignmentOperation)c.Operation;
                if (assignment.Target is IPropertyReferenceOperation target
                    && SymbolEqualityComparer.Default.Equals(target.Property.OriginalDefinition, secret)
                    && assignment.Value.ConstantValue is { HasValue: true, Value: string value }
                    && !string.IsNullOrWhiteSpace(value))
                {
                    c.ReportDiagnostic(Diagnostic.Create(Descriptors.HardcodedClientSecret, assignment.Value.Syntax.GetLocation()));
                }
            },
            OperationKind.SimpleAssignment,
            OperationKind.CoalesceAssignment);
    }
}
