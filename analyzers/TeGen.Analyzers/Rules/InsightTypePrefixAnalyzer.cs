using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace TeGen.Analyzers.Rules;

/// <summary>
/// TE0002: a constant insight type name given to <c>InsightTypeRef.ByName(string)</c> or assigned to
/// <c>InsightTypeRef.Type</c> lacks the partner prefix: the configured one (<c>tegen.partner_prefix</c> /
/// <c>TeGenPartnerPrefix</c>) or, with none configured, any <c>"&lt;Partner&gt;: "</c> prefix. Names computed at
/// run time are not checked (the SDK checks them before sending).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InsightTypePrefixAnalyzer : TeGenAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.InsightTypeWithoutPrefix);

    internal override void Start(CompilationStartAnalysisContext context, TeGenSymbols symbols)
    {
        var byName = symbols.InsightTypeRef?.GetMembers("ByName").OfType<IMethodSymbol>()
            .FirstOrDefault(m => m.Parameters.Length == 1 && m.Parameters[0].Type.SpecialType == SpecialType.System_String);
        var typeProperty = symbols.InsightTypeRef?.GetMembers("Type").OfType<IPropertySymbol>().FirstOrDefault();

        if (byName is not null)
        {
            context.RegisterOperationAction(
                c =>
                {
                    var call = (IInvocationOperation)c.Operation;
                    if (SymbolEqualityComparer.Default.Equals(call.TargetMethod.OriginalDefinition, byName) && call.Arguments.Length == 1)
                    {
                        Check(c, call.Arguments[0].Value);
                    }
                },
                OperationKind.Invocation);
        }

        if (typeProperty is not null)
        {
            context.RegisterOperationAction(
                c =>
                {
                    var assignment = (ISimpleAssignmentOperation)c.Operation;
                    if (assignment.Target is IPropertyReferenceOperation target
                        && SymbolEqualityComparer.Default.Equals(target.Property.OriginalDefinition, typeProperty))
                    {
                        Check(c, assignment.Value);
                    }
                },
                OperationKind.SimpleAssignment);
        }
    }

    private static void Check(OperationAnalysisContext context, IOperation value)
    {
        if (value.ConstantValue is not { HasValue: true, Value: string name } || string.IsNullOrWhiteSpace(name))
        {
            return;
        }

        var prefix = TeGenSettings.For(context.Options, value.Syntax.SyntaxTree).PartnerPrefix;
        string problem;
        var properties = ImmutableDictionary<string, string?>.Empty;
        if (prefix is not null)
        {
            if (InsightTypeNaming.HasPrefix(name, prefix))
            {
                return;
            }

            problem = $"does not start with the partner prefix \"{prefix}{InsightTypeNaming.Separator}\"";
            properties = properties.Add(DiagnosticProperties.PartnerPrefix, prefix);
        }
        else if (InsightTypeNaming.HasAnyPrefix(name))
        {
            return;
        }
        else
        {
            problem = "has no partner prefix: TE expects \"<Partner>: <Event>\" (set tegen.partner_prefix to check for yours)";
        }

        context.ReportDiagnostic(Diagnostic.Create(Descriptors.InsightTypeWithoutPrefix, value.Syntax.GetLocation(), properties, name, problem));
    }
}
