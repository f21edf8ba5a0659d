using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace TeGen.Analyzers.Rules;

/// <summary>
/// TE0003: a <c>TotalExpertConnection</c> or token provider is constructed where it cannot live long:
/// <list type="bullet">
/// <item>in the body of a loop, also inside a lambda written there (except a dependency-injection factory), or in
/// the body given to <c>Parallel.For</c>, <c>ForEach</c> or <c>ForEachAsync</c>;</item>
/// <item>per request: in an instance member of an ASP.NET Core controller or Razor page (they are created per
/// request), in a method or lambda that takes an <c>HttpContext</c> (middleware, request delegates), in a lambda
/// given as a minimal API handler (<c>Map*</c> on an <c>IEndpointRouteBuilder</c>), or in an Azure Functions
/// function;</item>
/// <item>as the resource of a <c>using</c> statement or declaration, except in <c>Main</c> or top-level
/// statements, whose scope is the life of the program.</item>
/// </list>
/// The ASP.NET Core and Azure Functions types are looked up by name, so the heuristics cost nothing in other projects.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ClientPerCallAnalyzer : TeGenAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.ClientPerCall);

    internal override void Start(CompilationStartAnalysisContext context, TeGenSymbols symbols)
    {
        var watched = new Lazy<ImmutableHashSet<INamedTypeSymbol>>(() => new[] { symbols.Connection, symbols.TokenProvider, symbols.AccessTokenProvider }
            .OfType<INamedTypeSymbol>()
            .ToImmutableHashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default));
        var web = new Lazy<WebSymbols>(() => new WebSymbols(context.Compilation));
        context.RegisterSyntaxNodeAction(
            c =>
            {
                if (SyntaxFilters.CreatedTypeName((BaseObjectCreationExpressionSyntax)c.Node) is { } name && TeGenSymbols.ClientNames.Contains(name)
                    && c.SemanticModel.GetOperation(c.Node, c.CancellationToken) is IObjectCreationOperation { Type: INamedTypeSymbol type } creation
                    && watched.Value.Contains(type)
                    && c.ContainingSymbol is { } member && Reason(creation, member, web.Value) is { } reason)
                {
                    c.ReportDiagnostic(Diagnostic.Create(Descriptors.ClientPerCall, ObjectFlow.CreationLocation(creation.Syntax), type.Name, reason));
                }
            },
            SyntaxKind.ObjectCreationExpression,
            SyntaxKind.ImplicitObjectCreationExpression);
    }

    private static string? Reason(IObjectCreationOperation creation, ISymbol member, WebSymbols web)
    {
        if (InLoop(creation) is { } loop)
        {
            return loop;
        }

        if (PerRequest(creation, member, web) is { } perRequest)
        {
            return perRequest;
        }

        return InUsing(creation) && !IsProgramEntry(member) ? "for one using block" : null;
    }

    /// <summary>
    /// In the body of a loop, also from inside a lambda or local function written there (it runs, or is made, once
    /// per iteration), or in the body given to <c>Parallel.For</c>, <c>ForEach</c>, <c>ForEachAsync</c>. A lambda
    /// given to a dependency-injection registration is not per iteration: registering one singleton per tenant in a
    /// loop is the right lifetime.
    /// </summary>
    private static string? InLoop(IOperation creation)
    {
        for (IOperation? child = creation, current = creation.Parent; current is not null; child = current, current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation lambda)
            {
                switch (ObjectFlow.CallTakingLambda(lambda)?.TargetMethod)
                {
                    case { ContainingType: { Name: "Parallel", ContainingNamespace: var ns } } method when ns?.ToDisplayString() == "System.Threading.Tasks":
                        return "per item of Parallel." + method.Name;
                    case { } method when IsDependencyInjection(method):
                        return null;
                }
            }

            if (current is ILoopOperation loop && loop.Body == child)
            {
                return "inside a loop";
            }
        }

        return null;
    }

    private static bool IsDependencyInjection(IMethodSymbol method) =>
        method.ContainingNamespace?.ToDisplayString().StartsWith("Microsoft.Extensions.DependencyInjection", StringComparison.Ordinal) == true;

    private static string? PerRequest(IOperation creation, ISymbol member, WebSymbols web)
    {
        for (var current = creation.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation lambda)
            {
                if (web.TakesHttpContext(lambda.Symbol))
                {
                    return "per request (in a request delegate)";
                }

                if (web.IsMinimalApiHandler(lambda))
                {
                    return "per request (in a minimal API handler)";
                }
            }
        }

        if (member is IMethodSymbol method)
        {
            if (web.TakesHttpContext(method))
            {
                return "per request (in a method handling an HttpContext)";
            }

            if (web.IsFunction(method))
            {
                return "per function invocation";
            }
        }

        // Static members of a controller live as long as the process; instance members, one request.
        return !member.IsStatic && web.IsPerRequestType(member.ContainingType)
            ? "per request (controllers and pages are created for every request)"
            : null;
    }

    private static bool InUsing(IOperation creation)
    {
        for (var current = ObjectFlow.Up(creation); current is not null; current = ObjectFlow.Up(current))
        {
            switch (current)
            {
                case IUsingOperation or IUsingDeclarationOperation:
                    return true;
                case IVariableInitializerOperation or IVariableDeclaratorOperation or IVariableDeclarationOperation or IVariableDeclarationGroupOperation:
                    continue;
                default:
                    return false;
            }
        }

        return false;
    }

    // Main and top-level statements run for the life of the program, so a using there is the right lifetime.
    private static bool IsProgramEntry(ISymbol member) =>
        member is IMethodSymbol { IsStatic: true, Name: "Main" or WellKnownMemberNames.TopLevelStatementsEntryPointMethodName };
}
