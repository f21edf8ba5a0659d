using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace TeGen.Analyzers.Rules;

/// <summary>
/// TE0001: a create model with an <c>owner</c> (the body of a client method the spec marks <c>x-te-owner:
/// required-as-admin</c>, generated with <c>[TeOwnerRequiredAsAdmin]</c>, whose type has an <c>Owner</c> of type OwnerRef
/// or InsightOwnerRef) is built without one and sent As Admin. The create is As Admin
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
        if (symbols.OwnerRequiredAsAdmin is not null)
        {
            // Models are recognised by their owner property; whether one is a create body that needs it, by the
            // [TeOwnerRequiredAsAdmin] the generated code puts on the create (see ObjectFlow.IsOwnedCreate).
            var owners = new ConcurrentDictionary<INamedTypeSymbol, IPropertySymbol?>(SymbolEqualityComparer.Default);
            context.RegisterOperationAction(c => Analyze(c, symbols, owners), OperationKind.ObjectCreation);
        }
    }

    private static void Analyze(OperationAnalysisContext context, TeGenSymbols symbols, ConcurrentDictionary<INamedTypeSymbol, IPropertySymbol?> owners)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (creation.Type is not INamedTypeSymbol { TypeKind: TypeKind.Class } model || owners.GetOrAdd(model, m => OwnerOf(m, symbols)) is not { } owner
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
