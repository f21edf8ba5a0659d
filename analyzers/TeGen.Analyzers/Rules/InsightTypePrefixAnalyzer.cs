using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace TeGen.Analyzers.Rules;

/// <summary>
/// TE0002: an insight type name written in source (see <see cref="ConstantStrings"/>: a literal, a constant, a
/// <c>readonly</c> field initialized with a literal, the branches of a ternary or switch expression) given to
/// <c>InsightTypeRef.ByName(string)</c> or assigned to <c>InsightTypeRef.Type</c> lacks the partner prefix: the
/// configured one (<c>tegen.partner_prefix</c> / <c>TeGenPartnerPrefix</c>) or, with none configured, any
/// <c>"&lt;Partner&gt;: "</c> prefix. Names computed at run time are not checked (the SDK checks them before sending).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InsightTypePrefixAnalyzer : TeGenAnalyzer
{
    private const string ByName = "ByName";
    private const string TypeName = "Type";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.InsightTypeWithoutPrefix);

    internal override void Start(CompilationStartAnalysisContext context, TeGenSymbols symbols)
    {
        var byName = new Lazy<IMethodSymbol?>(() => symbols.InsightTypeRef?.GetMembers(ByName).OfType<IMethodSymbol>()
            .FirstOrDefault(m => m.Parameters.Length == 1 && m.Parameters[0].Type.SpecialType == SpecialType.System_String));
        var typeProperty = new Lazy<IPropertySymbol?>(() => symbols.InsightTypeRef?.GetMembers(TypeName).OfType<IPropertySymbol>().FirstOrDefault());
        context.RegisterSyntaxNodeAction(
            c =>
            {
                if (SyntaxFilters.RightmostName(((InvocationExpressionSyntax)c.Node).Expression) == ByName
                    && byName.Value is { } method
                    && c.SemanticModel.GetOperation(c.Node, c.CancellationToken) is IInvocationOperation call
                    && SymbolEqualityComparer.Default.Equals(call.TargetMethod.OriginalDefinition, method) && call.Arguments.Length == 1)
                {
                    Check(c, call.Arguments[0].Value);
                }
            },
            SyntaxKind.InvocationExpression);
        context.RegisterSyntaxNodeAction(
            c =>
            {
                if (SyntaxFilters.RightmostName(((AssignmentExpressionSyntax)c.Node).Left) == TypeName
                    && typeProperty.Value is { } property
                    && c.SemanticModel.GetOperation(c.Node, c.CancellationToken) is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment
                    && SymbolEqualityComparer.Default.Equals(target.Property.OriginalDefinition, property))
                {
                    Check(c, assignment.Value);
                }
            },
            SyntaxKind.SimpleAssignmentExpression);
    }

    private static void Check(SyntaxNodeAnalysisContext context, IOperation value)
    {
        foreach (var found in ConstantStrings.Of(value, context.CancellationToken))
        {
            if (Problem(found.Value, TeGenSettings.For(context.Options, value.Syntax.SyntaxTree).PartnerPrefix) is { } problem)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.InsightTypeWithoutPrefix, found.Use.Syntax.GetLocation(), found.DeclarationLocations, problem.Properties, found.Value, problem.Text));
            }
        }
    }

    /// <summary>What is wrong with the name, and what the fix needs; <c>null</c> when nothing is.</summary>
    private static (string Text, ImmutableDictionary<string, string?> Properties)? Problem(string name, string? prefix)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        if (prefix is null)
        {
            return InsightTypeNaming.HasAnyPrefix(name)
                ? null
                : ("has no partner prefix: TE expects \"<Partner>: <Event>\" (set tegen.partner_prefix to check for yours)", ImmutableDictionary<string, string?>.Empty);
        }

        return InsightTypeNaming.HasPrefix(name, prefix)
            ? null
            : ($"does not start with the partner prefix \"{prefix}{InsightTypeNaming.Separator}\"", ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.PartnerPrefix, prefix));
    }
}
