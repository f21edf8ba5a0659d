using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace TeGen.Analyzers.Rules;

/// <summary>
/// TE0001: a create model with an <c>owner</c> (the body of a client method the spec marks <c>x-te-owner:
/// required-as-admin</c>, generated with <c>[TeOwnerRequiredAsAdmin]</c>, whose type has an <c>Owner</c> of type OwnerRef
/// or InsightOwnerRef) is built without one (or with <c>Owner = null</c>) and sent As Admin. The create is As Admin
/// when the call's receiver chain starts at a <c>TotalExpertAdminClient</c>, or, when the chain shows no client
/// type (e.g. an <c>IContactsClient</c> from dependency injection), when the project declares
/// <c>tegen.mode = admin</c>. The owner counts as set when the initializer sets it or the method touches
/// <c>Owner</c> on the stored object before the create call (see <see cref="ObjectFlow"/>). A body passed straight
/// from a helper method of the same compilation (<c>CreateContactAsync(ToContact(row))</c>) is judged by what the
/// helper returns: a <c>new</c> model without an owner.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AdminOwnerAnalyzer : TeGenAnalyzer
{
    private const string Owner = "Owner";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.AdminOwnerMissing);

    internal override void Start(CompilationStartAnalysisContext context, TeGenSymbols symbols)
    {
        // Models are recognised by their owner property; whether one is a create body that needs it, by the
        // [TeOwnerRequiredAsAdmin] the generated code puts on the create (see ObjectFlow.IsOwnedCreate).
        context.RegisterSyntaxNodeAction(c => AnalyzeCreation(c, symbols), SyntaxKind.ObjectCreationExpression, SyntaxKind.ImplicitObjectCreationExpression);
        context.RegisterSyntaxNodeAction(c => AnalyzeHelperCall(c, symbols), SyntaxKind.InvocationExpression);
    }

    private static void AnalyzeCreation(SyntaxNodeAnalysisContext context, TeGenSymbols symbols)
    {
        var syntax = (BaseObjectCreationExpressionSyntax)context.Node;
        // An owner in the initializer settles it before anything is looked up: most creates are written that way.
        if (SyntaxFilters.SetsMember(syntax, Owner)
            || (SyntaxFilters.CreatedTypeName(syntax) is { } typeName ? !symbols.IsOwnerModelName(typeName) : !SyntaxFilters.IsArgumentOf(syntax, symbols.Names.OwnedCreates))
            || context.SemanticModel.GetOperation(syntax, context.CancellationToken) is not IObjectCreationOperation creation
            || creation.Type is not INamedTypeSymbol { TypeKind: TypeKind.Class } model || symbols.OwnerOf(model) is not { } owner
            || ObjectFlow.InitializerValue(creation, owner) is { } value && !ObjectFlow.IsNull(value))
        {
            return;
        }

        var flow = ObjectFlow.Follow(creation, owner, argument => ObjectFlow.IsCreateBody(argument, model, symbols));
        if (flow.Sink is { } call && Report(call, owner, model, symbols, context.Options, syntax.SyntaxTree) is { } properties)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.AdminOwnerMissing, ObjectFlow.CreationLocation(syntax), properties, model.Name));
        }
    }

    /// <summary>
    /// <c>CreateContactAsync(ToContact(row))</c>: the helper's returned expressions are read from its syntax, one
    /// level deep, when it is declared in this compilation.
    /// </summary>
    private static void AnalyzeHelperCall(SyntaxNodeAnalysisContext context, TeGenSymbols symbols)
    {
        var syntax = (InvocationExpressionSyntax)context.Node;
        if (!syntax.ArgumentList.Arguments.Any(a => Unparenthesized(a.Expression) is InvocationExpressionSyntax)
            || SyntaxFilters.RightmostName(syntax.Expression) is not { } name || !symbols.Names.OwnedCreates.Contains(name)
            || context.SemanticModel.GetOperation(syntax, context.CancellationToken) is not IInvocationOperation call
            || !ObjectFlow.IsOwnedCreate(call.TargetMethod, symbols))
        {
            return;
        }

        foreach (var argument in call.Arguments)
        {
            if (ObjectFlow.Unwrap(argument.Value) is not IInvocationOperation helper
                || argument.Parameter?.Type is not INamedTypeSymbol model || symbols.OwnerOf(model) is not { } owner
                || Returned(helper.TargetMethod, context.CancellationToken).FirstOrDefault(c => !SyntaxFilters.SetsMember(c, Owner)) is not { } unowned
                || Report(call, owner, model, symbols, context.Options, syntax.SyntaxTree) is not { } properties)
            {
                continue;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.AdminOwnerMissing,
                helper.Syntax.GetLocation(),
                additionalLocations: [ObjectFlow.CreationLocation(unowned)],
                properties,
                model.Name));
        }
    }

    /// <summary>The properties of a diagnostic on a create sent As Admin; <c>null</c> when it is not As Admin.</summary>
    private static ImmutableDictionary<string, string?>? Report(
        IInvocationOperation call, IPropertySymbol owner, INamedTypeSymbol model, TeGenSymbols symbols, AnalyzerOptions options, SyntaxTree tree)
    {
        var settings = TeGenSettings.For(options, tree);
        if (!ActsAsAdmin(call, symbols, settings))
        {
            return null;
        }

        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        properties[DiagnosticProperties.OwnerType] = owner.Type.Name;
        var insightOwner = SymbolEqualityComparer.Default.Equals(owner.Type, symbols.InsightOwnerRef);
        if (settings.DefaultOwner is { } fallback && (fallback.FitsInsights || !insightOwner))
        {
            properties[DiagnosticProperties.OwnerFactory] = fallback.Factory;
            properties[DiagnosticProperties.OwnerValue] = fallback.Value;
        }

        return properties.ToImmutable();
    }

    /// <summary>The object creations a method in source returns: its expression body or the values of its <c>return</c> statements, through ternaries.</summary>
    private static IEnumerable<BaseObjectCreationExpressionSyntax> Returned(IMethodSymbol method, CancellationToken cancellationToken)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var (body, expressionBody) = reference.GetSyntax(cancellationToken) switch
            {
                BaseMethodDeclarationSyntax declared => (declared.Body, declared.ExpressionBody),
                LocalFunctionStatementSyntax local => (local.Body, local.ExpressionBody),
                _ => (null, null),
            };
            IEnumerable<ExpressionSyntax> returned = expressionBody is not null
                ? [expressionBody.Expression]
                : body?.DescendantNodes(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
                    .OfType<ReturnStatementSyntax>().Select(r => r.Expression).OfType<ExpressionSyntax>() ?? [];
            foreach (var creation in returned.SelectMany(Branches).OfType<BaseObjectCreationExpressionSyntax>())
            {
                yield return creation;
            }
        }
    }

    private static IEnumerable<ExpressionSyntax> Branches(ExpressionSyntax expression) => Unparenthesized(expression) switch
    {
        ConditionalExpressionSyntax conditional => Branches(conditional.WhenTrue).Concat(Branches(conditional.WhenFalse)),
        var other => [other],
    };

    private static ExpressionSyntax Unparenthesized(ExpressionSyntax expression) =>
        expression is ParenthesizedExpressionSyntax parenthesized ? Unparenthesized(parenthesized.Expression) : expression;

    /// <summary>
    /// Walks the call's receiver chain (<c>admin.Contacts.Create...</c>, <c>te.CreateAdminClient().Contacts...</c>)
    /// for a client type; without one, the project's declared mode decides.
    /// </summary>
    private static bool ActsAsAdmin(IInvocationOperation call, TeGenSymbols symbols, TeGenSettings settings)
    {
        for (var receiver = call.Instance; receiver is not null; receiver = Receiver(receiver))
        {
            if (ObjectFlow.DerivesFrom(receiver.Type, symbols.AdminClient))
            {
                return true;
            }

            if (ObjectFlow.DerivesFrom(receiver.Type, symbols.UserClient))
            {
                return false;
            }
        }

        return settings.IsAdminMode;
    }

    private static IOperation? Receiver(IOperation operation) => operation switch
    {
        IMemberReferenceOperation member => member.Instance,
        IInvocationOperation { Instance: { } instance } => instance,
        IInvocationOperation { TargetMethod.IsExtensionMethod: true, Arguments.Length: > 0 } extension => extension.Arguments[0].Value,
        IConversionOperation conversion => conversion.Operand,
        IParenthesizedOperation parenthesized => parenthesized.Operand,
        IAwaitOperation awaited => awaited.Operation,
        _ => null,
    };
}
