namespace TeGen.Sandbox;

/// <summary>
/// A TE organization of the sandbox: its OAuth client, the scopes that client may obtain, and the users, insight
/// types, custom fields and required contact groups TE would have provisioned for it.
/// </summary>
public sealed class SandboxOrganization
{
    /// <summary>Organization name, e.g. <c>Acme Lending</c>.</summary>
    public required string Name { get; init; }

    /// <summary>OAuth client id of the organization's integration.</summary>
    public required string ClientId { get; init; }

    /// <summary>OAuth client secret of the organization's integration.</summary>
    public required string ClientSecret { get; init; }

    /// <summary>Scopes the client may obtain; a token request without <c>scope</c> gets all of them.</summary>
    public IList<string> Scopes { get; init; } = [];

    /// <summary>
    /// Redirect URIs registered for the client. Empty means any absolute URI is accepted (a "dynamic" redirect URI,
    /// which then has to be repeated on the token request).
    /// </summary>
    public IList<string> RedirectUris { get; init; } = [];

    /// <summary>Users of the organization; the first one that does not deny is the default login of <c>/v1/authorize</c>.</summary>
    public IList<SandboxUser> Users { get; init; } = [];

    /// <summary>Insight types available to the organization.</summary>
    public IList<SandboxInsightType> InsightTypes { get; init; } = [];

    /// <summary>Custom field definitions returned by <c>/v1/schema/custom-fields</c> and accepted in <c>custom</c>.</summary>
    public IList<SandboxCustomField> CustomFields { get; init; } = [];

    /// <summary>Names of contact groups every contact create must include (none unless configured).</summary>
    public IList<string> RequiredContactGroups { get; init; } = [];

    /// <summary>
    /// The default seed: "Acme Lending", client <c>tegen-sandbox-client</c> / <c>tegen-sandbox-secret</c>, scopes
    /// <c>leadInteraction leadSurveyInteraction getUsers describeSchema</c>, three users, three insight types prefixed
    /// <c>Acme Lending: </c>, four contact custom fields and no required groups.
    /// </summary>
    /// <returns>A new instance, safe to modify.</returns>
    public static SandboxOrganization AcmeLending() => new()
    {
        Name = "Acme Lending",
        ClientId = "tegen-sandbox-client",
        ClientSecret = "tegen-sandbox-secret",
        Scopes = ["leadInteraction", "leadSurveyInteraction", "getUsers", "describeSchema"],
        Users =
        [
            new() { Id = 101, Email = "jane.doe@acme.example", Username = "jane-doe-acme", ExternalId = "EMP-1001", FirstName = "Jane", LastName = "Doe" },
            new() { Id = 102, Email = "john.smith@acme.example", Username = "john-smith-acme", ExternalId = "EMP-1002", FirstName = "John", LastName = "Smith" },
            new() { Id = 103, Email = "maria.garcia@acme.example", Username = "maria-garcia-acme", ExternalId = "EMP-1003", FirstName = "Maria", LastName = "Garcia" },
        ],
        InsightTypes =
        [
            new() { Id = 1, Type = "Acme Lending: Loan application submitted", Description = "The contact submitted a loan application." },
            new() { Id = 2, Type = "Acme Lending: Mobile app downloaded", Description = "The contact installed the mobile app." },
            new() { Id = 3, Type = "Acme Lending: Rate alert viewed", Description = "The contact opened a rate alert.", ExpirationInterval = 604_800 },
        ],
        CustomFields =
        [
            new() { SystemName = "preferred_contact_time", DisplayName = "Preferred contact time", DataType = "text" },
            new() { SystemName = "first_time_buyer", DisplayName = "First-time buyer", DataType = "boolean" },
            new() { SystemName = "target_price", DisplayName = "Target price", DataType = "decimal" },
            new() { SystemName = "referral_date", DisplayName = "Referral date", DataType = "date" },
        ],
    };
}
