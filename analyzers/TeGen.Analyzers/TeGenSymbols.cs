using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace TeGen.Analyzers;

/// <summary>The TeGen.Client types the rules key on, shared by the rules of a compilation and each resolved on first use.</summary>
internal sealed class TeGenSymbols
{
    private const string Namespace = "TeGen.Client.";
    private const string AssemblyName = "TeGen.Client";

    // The Kiota token provider has a package (and assembly) of its own.
    private const string KiotaAssemblyName = "TeGen.Client.Kiota";

    // Every rule of a compilation shares one instance, and with it the names its syntax filters use.
    private static readonly ConditionalWeakTable<Compilation, StrongBox<TeGenSymbols?>> PerCompilation = new();

    private readonly Lazy<TeGenNames> _names;

    private readonly Compilation _compilation;
    private readonly Lazy<IAssemblySymbol?> _assembly;
    private readonly ConcurrentDictionary<string, INamedTypeSymbol?> _types = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _ownerModelNames = new(StringComparer.Ordinal);
    private readonly Lazy<INamedTypeSymbol?> _accessTokenProvider;

    // Nothing is looked up until a rule's syntax filter lets a node through: a compile whose code never gets that
    // far pays nothing for TeGen's types.
    private TeGenSymbols(Compilation compilation, Func<IAssemblySymbol?> assembly)
    {
        _compilation = compilation;
        _assembly = new Lazy<IAssemblySymbol?>(assembly);
        _names = new Lazy<TeGenNames>(() => new TeGenNames(compilation, this));
        _accessTokenProvider = new Lazy<INamedTypeSymbol?>(() =>
            compilation.SourceModule.ReferencedAssemblySymbols.FirstOrDefault(a => a.Identity.Name == KiotaAssemblyName)
                ?.GetTypeByMetadataName(Namespace + "Auth.TotalExpertAccessTokenProvider")
            ?? Type("Auth.TotalExpertAccessTokenProvider"));
    }

    /// <summary>TeGen.Client's <c>NewContact</c>, as the syntax filters see it.</summary>
    public const string NewContactName = "NewContact";

    /// <summary>The connection and token providers TE0003 watches, as the syntax filters see them.</summary>
    public static readonly IReadOnlyCollection<string> ClientNames = ["TotalExpertConnection", "TotalExpertTokenProvider", "TotalExpertAccessTokenProvider"];

    public INamedTypeSymbol Client => Type("TotalExpertClient")!;

    public INamedTypeSymbol? AdminClient => Type("TotalExpertAdminClient");

    public INamedTypeSymbol? UserClient => Type("TotalExpertUserClient");

    public INamedTypeSymbol? Connection => Type("TotalExpertConnection");

    public INamedTypeSymbol? Options => Type("TotalExpertClientOptions");

    public INamedTypeSymbol? OwnerRef => Type("OwnerRef");

    public INamedTypeSymbol? InsightOwnerRef => Type("InsightOwnerRef");

    public INamedTypeSymbol? InsightTypeRef => Type("InsightTypeRef");

    public INamedTypeSymbol? NewContact => Type(NewContactName);

    public INamedTypeSymbol? ContactGroupRef => Type("ContactGroupRef");

    /// <summary>The attribute generated on every client method whose body needs an owner As Admin (from the spec).</summary>
    public INamedTypeSymbol? OwnerRequiredAsAdmin => Type("TeOwnerRequiredAsAdminAttribute");

    public INamedTypeSymbol? TokenProvider => Type("Auth.TotalExpertTokenProvider");

    public INamedTypeSymbol? AccessTokenProvider => _accessTokenProvider.Value;

    /// <summary>The generated client of TE's lead opportunities (<c>/v1/lead-opportunities</c>).</summary>
    public INamedTypeSymbol? LeadOpportunitiesClient => Type("ILeadOpportunitiesClient");

    /// <summary>The generated client of TE's ALM leads (<c>/v1/leads</c>).</summary>
    public INamedTypeSymbol? AlmLeadsClient => Type("IAlmLeadsClient");

    /// <summary>The assembly holding TeGen's client (TeGen.Client).</summary>
    public IAssemblySymbol Assembly => _assembly.Value ?? Client.ContainingAssembly;

    /// <summary>
    /// Whether a type of this simple name, in TeGen.Client, in the compilation's code or in an assembly built against
    /// TeGen.Client, has an <c>Owner</c> (TE0001's filter); decided once per name.
    /// </summary>
    public bool IsOwnerModelName(string name) => _ownerModelNames.GetOrAdd(name, n =>
        Type(n) is { } model ? OwnerOf(model) is not null
        : _compilation.ContainsSymbolsWithName(n, SymbolFilter.Type)
            ? _compilation.GetSymbolsWithName(n, SymbolFilter.Type).OfType<INamedTypeSymbol>().Any(t => OwnerOf(t) is not null)
            : Names.BuiltWithTeGen.Any(a => a.TypeNames.Contains(n)));

    /// <summary>The names of the TeGen methods the rules look for in syntax, read on first need.</summary>
    public TeGenNames Names => _names.Value;

    /// <summary>The <c>Owner</c> of a create model (of type OwnerRef or InsightOwnerRef, possibly inherited); <c>null</c> when it has none.</summary>
    public IPropertySymbol? OwnerOf(INamedTypeSymbol model)
    {
        for (var type = model; type is not null; type = type.BaseType)
        {
            var owner = type.GetMembers("Owner").OfType<IPropertySymbol>().FirstOrDefault(p =>
                SymbolEqualityComparer.Default.Equals(p.Type, OwnerRef) || SymbolEqualityComparer.Default.Equals(p.Type, InsightOwnerRef));
            if (owner is not null)
            {
                return owner;
            }
        }

        return null;
    }

    /// <summary>The symbols, or <c>null</c> when the compilation does not reference TeGen.Client.</summary>
    public static TeGenSymbols? From(Compilation compilation) =>
        PerCompilation.GetValue(compilation, c => new StrongBox<TeGenSymbols?>(Create(c))).Value;

    // Asked of the TeGen.Client assembly alone: Compilation.GetTypeByMetadataName reads the type tables of every
    // referenced assembly, which on a cold compile cost more than all the rules' own work.
    private static TeGenSymbols? Create(Compilation compilation)
    {
        if (compilation.ReferencedAssemblyNames.Any(a => a.Name == AssemblyName))
        {
            return new TeGenSymbols(compilation, () => compilation.SourceModule.ReferencedAssemblySymbols.FirstOrDefault(a => a.Identity.Name == AssemblyName));
        }

        // TeGen.Client compiled into the project itself.
        return compilation.ContainsSymbolsWithName("TotalExpertClient", SymbolFilter.Type)
            && compilation.GetTypeByMetadataName(Namespace + "TotalExpertClient") is { } client
                ? new TeGenSymbols(compilation, () => client.ContainingAssembly)
                : null;
    }

    /// <summary>How many TeGen types have been looked up in this compilation (what the syntax filters save).</summary>
    internal int ResolvedTypes => _types.Count;

    private INamedTypeSymbol? Type(string name) =>
        _types.GetOrAdd(name, n => _assembly.Value?.GetTypeByMetadataName(Namespace + n));
}
