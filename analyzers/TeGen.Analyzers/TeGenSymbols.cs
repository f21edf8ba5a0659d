using Microsoft.CodeAnalysis;

namespace TeGen.Analyzers;

/// <summary>The TeGen.Client types the rules key on, resolved once per compilation.</summary>
internal sealed class TeGenSymbols
{
    private const string Namespace = "TeGen.Client.";

    private TeGenSymbols(Compilation compilation)
    {
        Client = Type(compilation, "TotalExpertClient")!;
        AdminClient = Type(compilation, "TotalExpertAdminClient");
        UserClient = Type(compilation, "TotalExpertUserClient");
        Connection = Type(compilation, "TotalExpertConnection");
        Options = Type(compilation, "TotalExpertClientOptions");
        OwnerRef = Type(compilation, "OwnerRef");
        InsightOwnerRef = Type(compilation, "InsightOwnerRef");
        InsightTypeRef = Type(compilation, "InsightTypeRef");
        NewContact = Type(compilation, "NewContact");
        ContactGroupRef = Type(compilation, "ContactGroupRef");
        OwnerRequiredAsAdmin = Type(compilation, "TeOwnerRequiredAsAdminAttribute");
        TokenProvider = Type(compilation, "Auth.TotalExpertTokenProvider");
        AccessTokenProvider = Type(compilation, "Auth.TotalExpertAccessTokenProvider");
        LeadOpportunitiesClient = Type(compilation, "ILeadOpportunitiesClient");
        AlmLeadsClient = Type(compilation, "IAlmLeadsClient");
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

    /// <summary>The symbols, or <c>null</c> when the compilation does not reference TeGen.Client.</summary>
    public static TeGenSymbols? From(Compilation compilation) =>
        Type(compilation, "TotalExpertClient") is null ? null : new TeGenSymbols(compilation);

    private static INamedTypeSymbol? Type(Compilation compilation, string name) => compilation.GetTypeByMetadataName(Namespace + name);
}
