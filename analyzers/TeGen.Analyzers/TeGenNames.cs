using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TeGen.Analyzers;

/// <summary>
/// Method names the rules' syntax filters look for, read only when a filter needs them. The owner-required creates
/// come from the generated client interfaces of TeGen.Client and of assemblies built against it (once per assembly:
/// the compiler reuses assembly symbols across compilations), and from the <c>[TeOwnerRequiredAsAdmin]</c> methods
/// written in the compilation's own code (a TeGen.Build project generates its clients there), found by their syntax
/// so that no source symbol is completed early.
/// </summary>
internal sealed class TeGenNames
{
    private const string Marker = "TeOwnerRequiredAsAdmin";

    private static readonly ConditionalWeakTable<IAssemblySymbol, ImmutableHashSet<string>> PerAssembly = new();

    private readonly Lazy<ImmutableHashSet<string>> _ownedCreates;
    private readonly Lazy<ImmutableHashSet<string>> _leadClientMethods;

    public TeGenNames(Compilation compilation, TeGenSymbols symbols)
    {
        BuiltWithTeGen = compilation.SourceModule.ReferencedAssemblySymbols
            .Where(a => !SymbolEqualityComparer.Default.Equals(a, symbols.Assembly) && BuiltWith(a, symbols.Assembly))
            .ToImmutableArray();
        _ownedCreates = new Lazy<ImmutableHashSet<string>>(() => OwnedCreatesIn(compilation, symbols, BuiltWithTeGen));
        _leadClientMethods = new Lazy<ImmutableHashSet<string>>(() => new[] { symbols.LeadOpportunitiesClient, symbols.AlmLeadsClient }
            .OfType<INamedTypeSymbol>()
            .SelectMany(client => client.GetMembers().OfType<IMethodSymbol>().Select(m => m.Name))
            .ToImmutableHashSet(StringComparer.Ordinal));
    }

    /// <summary>Referenced assemblies other than TeGen.Client that were built against it (they may hold generated clients and models).</summary>
    public ImmutableArray<IAssemblySymbol> BuiltWithTeGen { get; }

    /// <summary>Methods marked <c>[TeOwnerRequiredAsAdmin]</c> (TE0001).</summary>
    public ImmutableHashSet<string> OwnedCreates => _ownedCreates.Value;

    /// <summary>The methods of the two lead clients (TE0006).</summary>
    public ImmutableHashSet<string> LeadClientMethods => _leadClientMethods.Value;

    private static ImmutableHashSet<string> OwnedCreatesIn(Compilation compilation, TeGenSymbols symbols, ImmutableArray<IAssemblySymbol> builtWithTeGen)
    {
        var ownedCreates = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        foreach (var assembly in builtWithTeGen.Add(symbols.Assembly))
        {
            ownedCreates.UnionWith(PerAssembly.GetValue(assembly, a => Read(a, symbols)));
        }

        foreach (var tree in compilation.SyntaxTrees.Where(t => t.GetText().ToString().Contains(Marker)))
        {
            ownedCreates.UnionWith(tree.GetRoot().DescendantNodes().OfType<AttributeSyntax>()
                .Where(a => SyntaxFilters.RightmostName(a.Name) is Marker or Marker + "Attribute")
                .Select(a => a.Parent?.Parent).OfType<MethodDeclarationSyntax>()
                .Select(m => m.Identifier.ValueText));
        }

        return ownedCreates.ToImmutable();
    }

    private static bool BuiltWith(IAssemblySymbol assembly, IAssemblySymbol teGen) =>
        SymbolEqualityComparer.Default.Equals(assembly, teGen)
        || assembly.Modules.Any(m => m.ReferencedAssemblySymbols.Any(r => SymbolEqualityComparer.Default.Equals(r, teGen)));

    // Interfaces only: the generated client classes behind them are internal.
    private static ImmutableHashSet<string> Read(IAssemblySymbol assembly, TeGenSymbols symbols) =>
        Types(assembly.GlobalNamespace).Where(t => t.TypeKind == TypeKind.Interface)
            .SelectMany(t => t.GetMembers()).OfType<IMethodSymbol>()
            .Where(m => m.Parameters.Length > 0 && ObjectFlow.IsOwnedCreate(m, symbols))
            .Select(m => m.Name)
            .ToImmutableHashSet(StringComparer.Ordinal);

    private static IEnumerable<INamedTypeSymbol> Types(INamespaceSymbol container) =>
        container.GetNamespaceMembers().SelectMany(Types).Concat(container.GetTypeMembers());
}
