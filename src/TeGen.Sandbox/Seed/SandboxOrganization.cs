namespace TeGen.Sandbox;

/// <summary>
/// A TE organization of the sandbox: its OAuth client, the scopes that client may obtain, the users, insight types,
/// custom fields and required contact groups TE would have provisioned for it, and the surveys and contact groups it
/// starts with.
/// </summary>
/// <remarks>
/// Organizations are isolated from each other (a record of one is invisible to the others, by list and by id) but share
/// the sandbox's per-source-IP limits, as TE counts them. <see cref="Many"/> seeds several at once.
/// </remarks>
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

    /// <summary>
    /// Account classes served by <c>/v1/account-classifications</c> and named by <c>account_class</c>. Default
    /// <see cref="SandboxAccountClass.Defaults"/> (<c>Mortgage</c>, <c>Home Equity</c>, <c>Deposit</c>).
    /// </summary>
    public IList<SandboxAccountClass> AccountClasses { get; init; } = SandboxAccountClass.Defaults();

    /// <summary>
    /// Loan participant roles served by <c>/v1/schema/participant-roles</c>. Default
    /// <see cref="SandboxParticipantRole.Defaults"/> (a mortgage's borrower, required, co-borrower and agents).
    /// </summary>
    public IList<SandboxParticipantRole> ParticipantRoles { get; init; } = SandboxParticipantRole.Defaults();

    /// <summary>Names of contact groups every contact create must include (none unless configured).</summary>
    public IList<string> RequiredContactGroups { get; init; } = [];

    /// <summary>
    /// Contact groups the organization starts with (none unless configured); a reset restores them as seeded. Their ids
    /// are unique across all organizations, as TE's are.
    /// </summary>
    public IList<SandboxContactGroup> ContactGroups { get; init; } = [];

    /// <summary>
    /// Surveys the organization starts with (none unless configured); a reset restores them as seeded. Their ids are
    /// unique across all organizations, as TE's are.
    /// </summary>
    public IList<SandboxSurvey> Surveys { get; init; } = [];

    /// <summary>
    /// The default seed: "Acme Lending", client <c>tegen-sandbox-client</c> / <c>tegen-sandbox-secret</c>, scopes
    /// <c>leadInteraction leadSurveyInteraction getUsers describeSchema</c>, three users, three insight types prefixed
    /// <c>Acme Lending: </c>, four contact custom fields, no required groups, and the default account classes and loan
    /// participant roles every organization gets.
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

    /// <summary>
    /// <paramref name="count"/> organizations for multi-tenant tests, all reachable from one source IP and so sharing its
    /// limits: first <see cref="AcmeLending"/>, unchanged, then "Sandbox Lending 2", "Sandbox Lending 3", ...
    /// </summary>
    /// <remarks>
    /// <para>Organization <c>n</c> (from 2) is predictable:</para>
    /// <list type="bullet">
    /// <item><description>client <c>tegen-sandbox-client-n</c> / <c>tegen-sandbox-secret-n</c>, the scopes of Acme Lending;</description></item>
    /// <item><description>users <c>n01</c>, <c>n02</c>, <c>n03</c> (e.g. 201 <c>jane-doe-lending2</c>
    /// &lt;jane.doe@lending2.example&gt;, external id <c>L2-EMP-1001</c>);</description></item>
    /// <item><description>insight types <c>n01</c> <c>Sandbox Lending n: Loan application submitted</c>, <c>n02</c>
    /// <c>Sandbox Lending n: Rate alert viewed</c>, and <c>n03</c> <c>TeGen Sandbox: Contact synced</c>, the integration's
    /// own type, named alike in every organization;</description></item>
    /// <item><description>custom fields <c>preferred_contact_time</c>, <c>first_time_buyer</c> and <c>lendingn_branch</c>;</description></item>
    /// <item><description>contact groups <c>n01</c> <c>Newsletter</c> and <c>n02</c> <c>Past clients</c>, owned by user <c>n01</c>;</description></item>
    /// <item><description>surveys <c>Home buyer interest</c> version <c>1</c> (id <c>n</c> in 12 hexadecimal digits + <c>a001</c>,
    /// questions <c>…b001</c> <c>purchase_timeline</c> (choice), <c>…b002</c> <c>max_price</c> (decimal), <c>…b003</c>
    /// <c>comments</c> (text)) and <c>Sandbox Lending n: Closing feedback</c> version <c>1</c> (<c>…a002</c>, question
    /// <c>…b004</c> <c>closing_rating</c>).</description></item>
    /// </list>
    /// <para>
    /// So from three organizations on, organizations 2 and 3 have a survey, contact groups and an insight type with the
    /// same names but different ids (and different question ids): what a client caching them per organization has to
    /// keep apart.
    /// </para>
    /// </remarks>
    /// <param name="count">How many organizations, at least 1.</param>
    /// <returns>New instances, safe to modify; assign them to <see cref="TeSandboxOptions.Organizations"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is less than 1.</exception>
    public static IList<SandboxOrganization> Many(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return [AcmeLending(), .. Enumerable.Range(2, count - 1).Select(Numbered)];
    }

    private static SandboxOrganization Numbered(int n)
    {
        var name = $"Sandbox Lending {n}";
        var slug = $"lending{n}";
        long Id(int i) => (n * 100L) + i;
        string Hex(string suffix) => $"{n:x12}{suffix}";
        SandboxUser User(int i, string first, string last) => new()
        {
            Id = Id(i),
            Email = $"{first.ToLowerInvariant()}.{last.ToLowerInvariant()}@{slug}.example",
            Username = $"{first.ToLowerInvariant()}-{last.ToLowerInvariant()}-{slug}",
            ExternalId = $"L{n}-EMP-100{i}",
            FirstName = first,
            LastName = last,
        };

        return new()
        {
            Name = name,
            ClientId = $"tegen-sandbox-client-{n}",
            ClientSecret = $"tegen-sandbox-secret-{n}",
            Scopes = ["leadInteraction", "leadSurveyInteraction", "getUsers", "describeSchema"],
            Users = [User(1, "Jane", "Doe"), User(2, "John", "Smith"), User(3, "Maria", "Garcia")],
            InsightTypes =
            [
                new() { Id = Id(1), Type = $"{name}: Loan application submitted", Description = "The contact submitted a loan application." },
                new() { Id = Id(2), Type = $"{name}: Rate alert viewed", Description = "The contact opened a rate alert.", ExpirationInterval = 604_800 },
                new() { Id = Id(3), Type = "TeGen Sandbox: Contact synced", Description = "The integration synchronised the contact." },
            ],
            CustomFields =
            [
                new() { SystemName = "preferred_contact_time", DisplayName = "Preferred contact time", DataType = "text" },
                new() { SystemName = "first_time_buyer", DisplayName = "First-time buyer", DataType = "boolean" },
                new() { SystemName = $"{slug}_branch", DisplayName = $"{name} branch", DataType = "text" },
            ],
            ContactGroups =
            [
                new() { Id = Id(1), Name = "Newsletter" },
                new() { Id = Id(2), Name = "Past clients" },
            ],
            Surveys =
            [
                new()
                {
                    Id = Hex("a001"),
                    Name = "Home buyer interest",
                    Version = "1",
                    Source = "TeGen Sandbox",
                    Questions =
                    [
                        new()
                        {
                            Id = Hex("b001"), Text = "When do you plan to buy?", SystemName = "purchase_timeline", DataType = "choice", SortOrder = 1,
                            Choices =
                            [
                                new() { Value = "Within 3 months", SystemName = "within_3_months", SortOrder = 1 },
                                new() { Value = "Within a year", SystemName = "within_a_year", SortOrder = 2 },
                                new() { Value = "Later", SystemName = "later", SortOrder = 3 },
                            ],
                        },
                        new() { Id = Hex("b002"), Text = "What is your maximum price?", SystemName = "max_price", DataType = "decimal", SortOrder = 2 },
                        new() { Id = Hex("b003"), Text = "Anything else?", SystemName = "comments", SortOrder = 3 },
                    ],
                },
                new()
                {
                    Id = Hex("a002"),
                    Name = $"{name}: Closing feedback",
                    Version = "1",
                    Source = "TeGen Sandbox",
                    Questions = [new() { Id = Hex("b004"), Text = "How was your closing?", SystemName = "closing_rating", SortOrder = 1 }],
                },
            ],
        };
    }
}
