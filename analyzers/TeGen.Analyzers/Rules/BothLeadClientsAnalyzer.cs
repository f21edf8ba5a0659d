using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace TeGen.Analyzers.Rules;

/// <summary>
/// TE0006: the compilation calls methods of both generated lead clients, <c>ILeadOpportunitiesClient</c> and
/// <c>IAlmLeadsClient</c>. TE lets an organization use one of its two lead APIs, so one of the two paths fails for
/// every organization. The whole compilation has to be seen, so the rule reports at its end: once per client, on the
/// client's first call in source order, naming the other client's first call.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BothLeadClientsAnalyzer : TeGenAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.BothLeadClients);

    internal override void Start(CompilationStartAnalysisContext context, TeGenSymbols symbols)
    {
        var calls = new ConcurrentBag<(bool AlmLeads, IInvocationOperation Call)>();
        context.RegisterSyntaxNodeAction(
            c =>
            {
                // Every method of the two clients names a lead; the clients' methods are listed only for such a call.
                if (SyntaxFilters.RightmostName(((InvocationExpressionSyntax)c.Node).Expression) is not { } name
                    || name.IndexOf("Lead", StringComparison.Ordinal) < 0
                    || !symbols.Names.LeadClientMethods.Contains(name)
                    || c.SemanticModel.GetOperation(c.Node, c.CancellationToken) is not IInvocationOperation invocation)
                {
                    return;
                }

                var client = invocation.TargetMethod.OriginalDefinition.ContainingType;
                if (SymbolEqualityComparer.Default.Equals(client, symbols.LeadOpportunitiesClient) || SymbolEqualityComparer.Default.Equals(client, symbols.AlmLeadsClient))
                {
                    calls.Add((SymbolEqualityComparer.Default.Equals(client, symbols.AlmLeadsClient), invocation));
                }
            },
            SyntaxKind.InvocationExpression);

        context.RegisterCompilationEndAction(c =>
        {
            var first = calls
                .GroupBy(call => call.AlmLeads)
                .Select(family => family.OrderBy(call => call.Call.Syntax.SyntaxTree.FilePath, StringComparer.Ordinal).ThenBy(call => call.Call.Syntax.SpanStart).First())
                .ToList();
            if (first.Count < 2)
            {
                return;
            }

            foreach (var (almLeadCall, call) in first)
            {
                var other = first.Single(f => f.AlmLeads != almLeadCall).Call;
                c.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.BothLeadClients,
                    call.Syntax.GetLocation(),
                    additionalLocations: [other.Syntax.GetLocation()],
                    Name(call),
                    Family(almLeadCall),
                    Family(!almLeadCall),
                    Name(other)));
            }
        });
    }

    private static string Name(IInvocationOperation call) => call.TargetMethod.ContainingType.Name + "." + call.TargetMethod.Name;

    private static string Family(bool almLeads) => almLeads ? "ALM leads API (/v1/leads)" : "lead opportunities API (/v1/lead-opportunities)";
}
