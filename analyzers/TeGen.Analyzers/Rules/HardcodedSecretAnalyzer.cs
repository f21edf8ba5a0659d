using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace TeGen.Analyzers.Rules;

/// <summary>
/// TE0004: a non-blank string written in source (see <see cref="ConstantStrings"/>: a literal, a <c>const</c>, a
/// <c>readonly</c> field initialized with a literal, a branch of a ternary or switch expression, the fallback of
/// <c>config["..."] ?? "..."</c>) is assigned to <c>TotalExpertClientOptions.ClientSecret</c>, in an object
/// initializer or a plain assignment.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HardcodedSecretAnalyzer : TeGenAnalyzer
{
    private const string ClientSecret = "ClientSecret";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.HardcodedClientSecret);

    internal override void Start(CompilationStartAnalysisContext context, TeGenSymbols symbols)
    {
        var secretProperty = new Lazy<IPropertySymbol?>(() => symbols.Options?.GetMembers(ClientSecret).OfType<IPropertySymbol>().FirstOrDefault());
        context.RegisterSyntaxNodeAction(
            c =>
            {
                if (SyntaxFilters.RightmostName(((AssignmentExpressionSyntax)c.Node).Left) != ClientSecret
                    || secretProperty.Value is not { } secret
                    || c.SemanticModel.GetOperation(c.Node, c.CancellationToken) is not IAssignmentOperation { Target: IPropertyReferenceOperation target } assignment
                    || !SymbolEqualityComparer.Default.Equals(target.Property.OriginalDefinition, secret))
                {
                    return;
                }

                foreach (var found in ConstantStrings.Of(assignment.Value, c.CancellationToken).Where(f => !string.IsNullOrWhiteSpace(f.Value)))
                {
                    c.ReportDiagnostic(Diagnostic.Create(Descriptors.HardcodedClientSecret, found.Use.Syntax.GetLocation(), found.DeclarationLocations));
                }
            },
            SyntaxKind.SimpleAssignmentExpression,
            SyntaxKind.CoalesceAssignmentExpression);
    }
}
