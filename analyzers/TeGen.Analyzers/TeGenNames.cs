using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TeGen.Analyzers;

/// <summary>
/// The simple names the rules' syntax filters look for: a rule asks the semantic model about a node only when the
/// node names one of them, so method bodies without a TeGen model, client or create are never bound for the
/// analyzers. The owner-required creates and their bodies are read from the generated client interfaces of
/// TeGen.Client and of assemblies built against it (once per assembly: the compiler reuses assembly symbols across
/// compilations), and from the <c>[TeOwnerRequiredAsAdmin]</c> methods written in the compilation's own code (a
/// TeGen.Build project generates its clients there), found by their syntax so that no source symbol is completed
/// early.
/// </summary>
internal sealed class TeGenNames
{
    private const string Marker = "TeOwnerRequiredAsAdmin";

    private static readonly ConditionalWeakTable<IAssemblySymbol, Tuple<ImmutableHashSet<string>, ImmutableHashSet<string>>> PerAssembly = new();

    public TeGenNames(Compilation compilation, TeGenSymbols symbols)
    {
        var ownerModels = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        var ownedCreates = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols.Where(a => BuiltWith(a, symbols.Assembly)))
        {
            var found = PerAssembly.GetValue(assembly, a => Read(a, symbols));
            ownedCreates.UnionWith(found.Item1);
            ownerModels.UnionWith(found.Item2);
        }

        foreach (var tree in compilation.SyntaxTrees.Where(t => t.GetText().ToString().Contains(Marker)))
        {
            foreach (var method in tree.GetRoot().DescendantNodes().OfType<AttributeSyntax>()
                .Where(a => SyntaxFilters.RightmostName(a.Name) is Marker or Marker + "Attribute")
                .Select(a => a.Parent?.Parent).OfType<MethodDeclarationSyntax>())
            {
                ownedCreates.Add(method.Identifier.ValueText);
                ownerModels.UnionWith(method.ParameterList.Parameters.Select(p => SyntaxFilters.RightmostName(p.Type)).OfType<string>());
            }
        }

        OwnerModels = ownerModels.ToImmutable();
        OwnedCreates = ownedCreates.ToImmutable();
        Contacts = symbols.NewContact is { } contact ? [contact.Name] : [];
        Clients = new[] { symbols.Connection, symbols.TokenProvider, symbols.AccessTokenProvider }
            .OfType<INamedTypeSymbol>().Select(t => t.Name).ToImmutableHashSet(StringComparer.Ordinal);
        LeadClientMethods = new[] { symbols.LeadOpportunitiesClient, symbols.AlmLeadsClient }
            .OfType<INamedTypeSymbol>()
            .SelectMany(client => client.GetMembers().OfType<IMethodSymbol>().Select(m => m.Name))
            .ToImmutableHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// The bodies of the owner-required creates (TE0001): in referenced assemblies, the classes with an <c>Owner</c>
    /// of type OwnerRef or InsightOwnerRef; in source, the parameter types as written.
    /// </summary>
    public ImmutableHashSet<string> OwnerModels { get; }

    /// <summary>Methods marked <c>[TeOwnerRequiredAsAdmin]</c> (TE0001).</summary>
    public ImmutableHashSet<string> OwnedCreates { get; }

    /// <summary><c>NewContact</c> (TE0005).</summary>
    public ImmutableHashSet<string> Contacts { get; }

    /// <summary>The connection and token providers TE0003 watches.</summary>
    public ImmutableHashSet<string> Clients { get; }

    /// <summary>The methods of the two lead clients (TE0006).</summary>
    public ImmutableHashSet<string> LeadClientMethods { get; }

    private static bool BuiltWith(IAssemblySymbol assembly, IAssemblySymbol teGen) =>
        SymbolEqualityComparer.Default.Equals(assembly, teGen)
        || assembly.Modules.Any(m => m.ReferencedAssemblySymbols.Any(r => SymbolEqualityComparer.Default.Equals(r, teGen)));

    // Interfaces only: the generated client classes behind them are internal.
    private static Tuple<ImmutableHashSet<string>, ImmutableHashSet<string>> Read(IAssemblySymbol assembly, TeGenSymbols symbols)
    {
        var creates = Types(assembly.GlobalNamespace).Where(t => t.TypeKind == TypeKind.Interface)
            .SelectMany(t => t.GetMembers()).OfType<IMethodSymbol>()
            .Where(m => m.Parameters.Length > 0 && ObjectFlow.IsOwnedCreate(m, symbols))
            .ToList();
        return Tuple.Create(
            creates.Select(m => m.Name).ToImmutableHashSet(StringComparer.Ordinal),
            creates.SelectMany(m => m.Parameters).Select(p => p.Type).OfType<INamedTypeSymbol>()
                .Where(t => symbols.OwnerOf(t) is not null).Select(t => t.Name).ToImmutableHashSet(StringComparer.Ordinal));
    }

    private static IEnumerable<INamedTypeSymbol> Types(INamespaceSymbol container) =>
        container.GetNamespaceMembers().SelectMany(Types).Concat(container.GetTypeMembers());
}
