using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace TeGen.Analyzers;

/// <summary>The TeGen.Client types the rules key on, resolved once per compilation.</summary>
internal sealed class TeGenSymbols
{
    private const string Namespace = "TeGen.Client.";
    private const string AssemblyName = "TeGen.Client";

    // Every rule of a compilation shares one instance, and with it the names its syntax filters use.
    private static readonly ConditionalWeakTable<Compilation, StrongBox<TeGenSymbols?>> PerCompilation = new();

    private readonly Lazy<TeGenNames> _names;

    private TeGenSymbols(Compilation compilation, INamedTypeSymbol client)
    {
        _names = new Lazy<TeGenNames>(() => new TeGenNames(compilation, this));
        Client = client;
        var assembly = client.ContainingAssembly;
        AdminClient = Type(assembly, "TotalExpertAdminClient");
        UserClient = Type(assembly, "TotalExpertUserClient");
        Connection = Type(assembly, "TotalExpertConnection");
        Options = Type(assembly, "TotalExpertClientOptions");
        OwnerRef = Type(assembly, "OwnerRef");
        InsightOwnerRef = Type(assembly, "InsightOwnerRef");
        InsightTypeRef = Type(assembly, "InsightTypeRef");
        NewContact = Type(assembly, "NewContact");
        ContactGroupRef = Type(assembly, "ContactGroupRef");
        OwnerRequiredAsAdmin = Type(assembly, "TeOwnerRequiredAsAdminAttribute");
        TokenProvider = Type(assembly, "Auth.TotalExpertTokenProvider");
        AccessTokenProvider = Type(assembly, "Auth.TotalExpertAccessTokenProvider");
        LeadOpportunitiesClient = Type(assembly, "ILeadOpportunitiesClient");
        AlmLeadsClient = Type(assembly, "IAlmLeadsClient");
    }

    public INamedTypeSymbol Client { get; }

    public INamedTypeSymbol? AdminClient { get; }

    public INamedTypeSymbol? UserClient { get; }

    public INamedTypeSymbol? Connection { get; }

    public INamedTypeSymbol? Options { get; }

    public INamedTypeSymbol? OwnerRef { get; }

    public INamedTypeSymbol? InsightOwnerRef { get; }

    public INamedTypeSymbol? InsightTypeRef { get; }

    public INamedTypeSymbol? NewContact { get; }

    public INamedTypeSymbol? ContactGroupRef { get; }

    /// <summary>The attribute generated on every client method whose body needs an owner As Admin (from the spec).</summary>
    public INamedTypeSymbol? OwnerRequiredAsAdmin { get; }

    public INamedTypeSymbol? TokenProvider { get; }

    public INamedTypeSymbol? AccessTokenProvider { get; }

    /// <summary>The generated client of TE's lead opportunities (<c>/v1/lead-opportunities</c>).</summary>
    public INamedTypeSymbol? LeadOpportunitiesClient { get; }

    /// <summary>The generated client of TE's ALM leads (<c>/v1/leads</c>).</summary>
    public INamedTypeSymbol? AlmLeadsClient { get; }

    /// <summary>The assembly holding TeGen's client (TeGen.Client).</summary>
    public IAssemblySymbol Assembly => Client.ContainingAssembly;

    /// <summary>The names of the TeGen types and methods the rules look for in syntax, found once per compilation.</summary>
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
        PerCompilation.GetValue(compilation, c => new StrongBox<TeGenSymbols?>(ClientType(c) is { } client ? new TeGenSymbols(c, client) : null)).Value;

    // Asked of the TeGen.Client assembly alone: Compilation.GetTypeByMetadataName reads the type tables of every
    // referenced assembly, which on a cold compile cost more than all the rules' own work.
    private static INamedTypeSymbol? ClientType(Compilation compilation) =>
        compilation.SourceModule.ReferencedAssemblySymbols.FirstOrDefault(a => a.Identity.Name == AssemblyName) is { } assembly
            ? Type(assembly, "TotalExpertClient")
            : compilation.GetTypeByMetadataName(Namespace + "TotalExpertClient");

    private static INamedTypeSymbol? Type(IAssemblySymbol assembly, string name) => assembly.GetTypeByMetadataName(Namespace + name);
}
