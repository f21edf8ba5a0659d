using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace TeGen.Analyzers;

/// <summary>
/// The simple names the rules' syntax filters look for: a rule asks the semantic model about a node only when the
/// node names one of them, so method bodies without a TeGen model, client or create are never bound for the
/// analyzers. Found once per compilation in TeGen.Client, in the compilation's own code (a TeGen.Build project
/// generates its models there) and in referenced assemblies built against TeGen.Client.
/// </summary>
internal sealed class TeGenNames
{
    public TeGenNames(Compilation compilation, TeGenSymbols symbols)
    {
        var ownerModels = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        var ownedCreates = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        var contacts = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        var clients = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        var watchedClients = new[] { symbols.Connection, symbols.TokenProvider, symbols.AccessTokenProvider };
        foreach (var type in Types(compilation, symbols.Assembly))
        {
            if (type.TypeKind == TypeKind.Class && symbols.OwnerOf(type) is not null)
            {
                ownerModels.Add(type.Name);
            }

            if (ObjectFlow.DerivesFrom(type, symbols.NewContact))
            {
                contacts.Add(type.Name);
            }

            if (watchedClients.Any(c => SymbolEqualityComparer.Default.Equals(type, c)))
            {
                clients.Add(type.Name);
            }
        }

        OwnerModels = ownerModels.ToImmutable();
        Contacts = contacts.ToImmutable();
        Clients = clients.ToImmutable();
        foreach (var type in Types(compilation, symbols.Assembly).Where(t => t.TypeKind is TypeKind.Interface or TypeKind.Class))
        {
            foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
            {
                // Attributes are read only on methods that take an owner model, which keeps the scan cheap.
                if (method.Parameters.Any(p => OwnerModels.Contains(p.Type.Name)) && ObjectFlow.IsOwnedCreate(method, symbols))
                {
                    ownedCreates.Add(method.Name);
                }
            }
        }

        OwnedCreates = ownedCreates.ToImmutable();
        LeadClientMethods = new[] { symbols.LeadOpportunitiesClient, symbols.AlmLeadsClient }
            .OfType<INamedTypeSymbol>()
            .SelectMany(client => client.GetMembers().OfType<IMethodSymbol>().Select(m => m.Name))
            .ToImmutableHashSet(StringComparer.Ordinal);
    }

    /// <summary>Classes with an <c>Owner</c> of type OwnerRef or InsightOwnerRef (TE0001).</summary>
    public ImmutableHashSet<string> OwnerModels { get; }

    /// <summary>Methods marked <c>[TeOwnerRequiredAsAdmin]</c> (TE0001).</summary>
    public ImmutableHashSet<string> OwnedCreates { get; }

    /// <summary><c>NewContact</c> and the classes derived from it (TE0005).</summary>
    public ImmutableHashSet<string> Contacts { get; }

    /// <summary>The connection and token providers TE0003 watches.</summary>
    public ImmutableHashSet<string> Clients { get; }

    /// <summary>The methods of the two lead clients (TE0006).</summary>
    public ImmutableHashSet<string> LeadClientMethods { get; }

    private static IEnumerable<INamedTypeSymbol> Types(Compilation compilation, IAssemblySymbol teGen)
    {
        var assemblies = new List<IAssemblySymbol> { compilation.Assembly, teGen };
        assemblies.AddRange(compilation.SourceModule.ReferencedAssemblySymbols.Where(a =>
            !SymbolEqualityComparer.Default.Equals(a, teGen)
            && a.Modules.Any(m => m.ReferencedAssemblySymbols.Any(r => SymbolEqualityComparer.Default.Equals(r, teGen)))));
        return assemblies.SelectMany(a => Types(a.GlobalNamespace));
    }

    private static IEnumerable<INamedTypeSymbol> Types(INamespaceSymbol container) =>
        container.GetNamespaceMembers().SelectMany(Types).Concat(container.GetTypeMembers().SelectMany(WithNested));

    private static IEnumerable<INamedTypeSymbol> WithNested(INamedTypeSymbol type) =>
        new[] { type }.Concat(type.GetTypeMembers().SelectMany(WithNested));
}
