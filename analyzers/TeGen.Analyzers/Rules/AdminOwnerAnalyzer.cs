using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace TeGen.Analyzers.Rules;

/// <summary>
/// TE0001: a create model with an <c>owner</c> (the body of a <c>Create...Async</c> method whose type has an
/// <c>Owner</c> of type OwnerRef or InsightOwnerRef) is built without one and sent As Admin. The create is As Admin
/// when the call's receiver chain starts at a <c>TotalExpertAdminClient</c>, or, when the chain shows no client
/// type (e.g. an <c>IContactsClient</c> from dependency injection), when the project declares
/// <c>tegen.mode = admin</c>. The owner counts as set when the initializer sets it or the method touches
/// <c>Owner</c> on the stored object before the create call (see <see cref="ObjectFlow"/>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AdminOwnerAnalyzer : TeGenAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.AdminOwnerMissing);

    internal override void Start(CompilationStartAnalysisContext context, TeGenSymbols symbols)
    {
        var owned = OwnedModels(symbols);
        if (owned.Count > 0)
        {
            context.RegisterOperationAction(c => Analyze(c, symbols, owned), OperationKind.ObjectCreation);
        }
    }

    private static void Analyze(OperationAnalysisContext context, TeGenSymbols symbols, IReadOnlyDictionary<INamedTypeSymbol, IPropertySymbol> owned)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (creation.Type is not INamedTypeSymbol model || !owned.TryGetValue(model, out var owner)
            || ObjectFlow.InitializerValue(creation, owner) is not null)
        {
            return;
        }

        var flow = ObjectFlow.Follow(creation, owner, argument => ObjectFlow.IsCreateBody(argument, model, symbols));
        if (flow.Sink is not { } call)
        {
            return;
        }

        var settings = TeGenSettings.For(context.Options, creation.Syntax.SyntaxTree);
        if (!ActsAsAdmin(call, symbols, settings))
        {
            return;
        }

        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        properties[DiagnosticProperties.OwnerType] = owner.Type.Name;
        var insightOwner = SymbolEqualityComparer.Default.Equals(owner.Type, symbols.InsightOwnerRef);
        if (settings.DefaultOwner is { } fallback && (fallback.FitsInsights || !insightOwner))
        {
            properties[DiagnosticProperties.OwnerFactory] = fallback.Factory;
            properties[DiagnosticProperties.OwnerValue] = fallback.Value;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.AdminOwnerMissing, ObjectFlow.CreationLocation(creation.Syntax), properties.ToImmutable(), model.Name));
    }

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

    /// <summary>The bodies of TeGen's create methods that carry an owner, with their Owner property.</summary>
    private static Dictionary<INamedTypeSymbol, IPropertySymbol> OwnedModels(TeGenSymbols symbols)
    {
        var models = new Dictionary<INamedTypeSymbol, IPropertySymbol>(SymbolEqualityComparer.Default);
        var clients = symbols.Client.ContainingNamespace.GetTypeMembers().Where(t => t.TypeKind == TypeKind.Interface);
        foreach (var method in clients.SelectMany(c => c.GetMembers()).OfType<IMethodSymbol>())
        {
            if (method.Name.StartsWith("Create", StringComparison.Ordinal)
                && method.Parameters.FirstOrDefault()?.Type is INamedTypeSymbol body
                && !models.ContainsKey(body)
                && OwnerOf(body, symbols) is { } owner)
            {
                models.Add(body, owner);
            }
        }

        return models;
    }

    private static IPropertySymbol? OwnerOf(INamedTypeSymbol model, TeGenSymbols symbols)
    {
        for (var type = model; type is not null; type = type.BaseType)
        {
            var owner = type.GetMembers("Owner").OfType<IPropertySymbol>().FirstOrDefault(p =>
                SymbolEqualityComparer.Default.Equals(p.Type, symbols.OwnerRef) || SymbolEqualityComparer.Default.Equals(p.Type, symbols.InsightOwnerRef));
            if (owner is not null)
            {
                return owner;
            }
        }

        return null;
    }
}
