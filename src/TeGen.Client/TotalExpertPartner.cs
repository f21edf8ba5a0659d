using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using TeGen.Client.Auth;
using TeGen.Client.Http;
using TeGen.Client.Lending;
using TeGen.Client.Partners;
using TeGen.Client.Surveys;

namespace TeGen.Client;

/// <summary>
/// TeGen for an integration partner serving many TE customer organizations: one connection per organization (its own
/// client credentials, As Admin) and user sessions on the partner's own credential (As User, which TE recommends), all
/// sharing what TE counts per source IP — one token store with its budget of 2 token requests per hour and one request
/// limiter of 1000 per minute per egress. Organizations come from configuration
/// (<c>TotalExpert:Organizations:&lt;name&gt;:ClientId</c>, ...) or are added and removed while the application runs.
/// </summary>
/// <remarks>
/// Settings an organization does not give are inherited from the partner's (the <c>TotalExpert</c> section, or the
/// <c>defaults</c> action): the TE host, the egress and its limits, retries, timeouts. Organization-specific ones
/// (required contact groups, default owner, partner prefix) belong in the organization's own section. Everything an
/// organization caches (its token, insight types, survey question ids) is kept per organization: one organization's
/// ids are never used for another's.
/// </remarks>
/// <example>
/// <code>
/// using var partner = TotalExpertPartner.FromConfiguration(configuration.GetSection("TotalExpert"));
/// var acme = partner.ForOrganization("acme");
/// await acme.Contacts.CreateContactAsync(contact, cancellationToken);
/// partner.AddOrganization("globex", o => { o.ClientId = "..."; o.ClientSecret = secret; });
/// </code>
/// </example>
public sealed class TotalExpertPartner : IDisposable
{
    /// <summary>The configuration section under the partner's one that lists organizations: <c>Organizations</c>.</summary>
    public const string OrganizationsSection = "Organizations";

    private readonly ConcurrentDictionary<string, Organization> _organizations = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, HttpMessageHandler> _egressHandlers = new(StringComparer.Ordinal);
    private readonly Func<string, HttpMessageHandler>? _egressHandler;
    private readonly Func<TotalExpertClientOptions> _defaults;
    private readonly ILoggerFactory? _loggers;
    private readonly Lazy<TotalExpertConnection> _partnerCredential;
    private readonly object _changes = new();
    private bool _disposed;

    /// <summary>Creates a partner hub with no organization yet.</summary>
    /// <param name="defaults">
    /// Sets the partner's settings, which every organization inherits; with a client id and secret they are also the
    /// partner credential <see cref="ForUser(string)"/> signs users in with.
    /// </param>
    /// <param name="tokenStore">Where every organization's tokens and the egress budgets are kept; default in memory.</param>
    /// <param name="timeProvider">The clock; default <see cref="TimeProvider.System"/>.</param>
    /// <param name="loggerFactory">Logging; default none. Secrets and tokens are never logged.</param>
    /// <param name="rateLimiters">The egress limiters; default a registry of the hub's own.</param>
    /// <param name="egressHandler">
    /// Creates the innermost HTTP handler of an egress (<see cref="TotalExpertClientOptions.Egress"/>), called once per
    /// egress name: a handler bound to a local address (<see cref="TotalExpertEgress.BoundTo"/>) or a proxy makes the
    /// name a real, separate source IP. Default: one connection pool for every egress.
    /// </param>
    public TotalExpertPartner(
        Action<TotalExpertClientOptions>? defaults = null,
        ITokenStore? tokenStore = null,
        TimeProvider? timeProvider = null,
        ILoggerFactory? loggerFactory = null,
        TeRateLimiterRegistry? rateLimiters = null,
        Func<string, HttpMessageHandler>? egressHandler = null)
        : this(() => Configured(defaults), tokenStore, timeProvider, loggerFactory, rateLimiters, egressHandler)
    {
    }

    private TotalExpertPartner(
        Func<TotalExpertClientOptions> defaults,
        ITokenStore? tokenStore,
        TimeProvider? timeProvider,
        ILoggerFactory? loggerFactory,
        TeRateLimiterRegistry? rateLimiters,
        Func<string, HttpMessageHandler>? egressHandler)
    {
        _defaults = defaults;
        TokenStore = tokenStore ?? new InMemoryTokenStore();
        Time = timeProvider ?? TimeProvider.System;
        _loggers = loggerFactory;
        RateLimiters = rateLimiters ?? new TeRateLimiterRegistry();
        _egressHandler = egressHandler;
        _partnerCredential = new(() => Connect(_defaults()));
    }

    /// <summary>
    /// Creates a hub from a configuration section (usually <c>TotalExpert</c>): the section's own settings are the
    /// partner's, and every child of its <c>Organizations</c> section is an organization, added now.
    /// </summary>
    /// <param name="section">The partner's section.</param>
    /// <param name="tokenStore">Where tokens and budgets are kept; default in memory.</param>
    /// <param name="timeProvider">The clock; default <see cref="TimeProvider.System"/>.</param>
    /// <param name="loggerFactory">Logging; default none.</param>
    /// <param name="rateLimiters">The egress limiters; default a registry of the hub's own.</param>
    /// <param name="egressHandler">Creates the innermost HTTP handler of an egress; see the constructor.</param>
    /// <exception cref="InvalidOperationException">An organization's settings are invalid; the message names the organization and the setting.</exception>
    public static TotalExpertPartner FromConfiguration(
        IConfiguration section,
        ITokenStore? tokenStore = null,
        TimeProvider? timeProvider = null,
        ILoggerFactory? loggerFactory = null,
        TeRateLimiterRegistry? rateLimiters = null,
        Func<string, HttpMessageHandler>? egressHandler = null)
    {
        ArgumentNullException.ThrowIfNull(section);
        var partner = new TotalExpertPartner(() => OrganizationSettings.Partner(section), tokenStore, timeProvider, loggerFactory, rateLimiters, egressHandler);
        try
        {
            foreach (var organization in section.GetSection(OrganizationsSection).GetChildren())
            {
                partner.AddOrganization(organization.Key, organization);
            }
        }
        catch
        {
            partner.Dispose();
            throw;
        }

        return partner;
    }

    /// <summary>Where every organization's tokens and the egress token budgets are kept.</summary>
    public ITokenStore TokenStore { get; }

    /// <summary>The egress request limiters every organization draws from.</summary>
    public TeRateLimiterRegistry RateLimiters { get; }

    /// <summary>The clock.</summary>
    public TimeProvider Time { get; }

    /// <summary>The organizations the hub serves now.</summary>
    public IReadOnlyCollection<string> Organizations => [.. _organizations.Keys.Order(StringComparer.OrdinalIgnoreCase)];

    /// <summary>Adds an organization (a customer onboarding while the application runs).</summary>
    /// <param name="name">The name callers use for it, e.g. <c>acme</c>; compared ignoring case.</param>
    /// <param name="configure">Sets the organization's settings over the partner's: at least its client id and secret.</param>
    /// <returns>The organization's connection.</returns>
    /// <exception cref="InvalidOperationException">The name is taken, or a setting is invalid (the message names both).</exception>
    public TotalExpertConnection AddOrganization(string name, Action<TotalExpertClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return Add(name, () =>
        {
            var options = _defaults();
            configure(options);
            return options;
        });
    }

    /// <summary>Adds an organization from its configuration section, over the partner's settings.</summary>
    /// <param name="name">The name callers use for it.</param>
    /// <param name="section">The organization's section (<c>TotalExpert:Organizations:&lt;name&gt;</c>).</param>
    /// <returns>The organization's connection.</returns>
    /// <exception cref="InvalidOperationException">The name is taken, or a setting is invalid.</exception>
    public TotalExpertConnection AddOrganization(string name, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return Add(name, () => OrganizationSettings.Over(_defaults(), section));
    }

    /// <summary>
    /// Removes an organization (a customer leaving): it can no longer be obtained from the hub. Clients handed out
    /// before keep working until dropped; its cached token stays in the store until it expires.
    /// </summary>
    /// <param name="name">The organization's name.</param>
    /// <returns>Whether the organization was there.</returns>
    public bool RemoveOrganization(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!_organizations.TryRemove(name, out var removed))
        {
            return false;
        }

        removed.Connection.Dispose();
        return true;
    }

    /// <summary>The admin client (client credentials, As Admin) of an organization; the same instance on every call.</summary>
    /// <param name="name">The organization's name.</param>
    /// <exception cref="KeyNotFoundException">The hub serves no organization of that name.</exception>
    public TotalExpertAdminClient ForOrganization(string name) => Find(name).Admin;

    /// <summary>The connection of an organization (its options, token provider, authorization-code flow).</summary>
    /// <param name="name">The organization's name.</param>
    /// <exception cref="KeyNotFoundException">The hub serves no organization of that name.</exception>
    public TotalExpertConnection Connection(string name) => Find(name).Connection;

    /// <summary>
    /// The survey workflow of an organization: survey and question ids are looked up once per organization and never
    /// shared with another, even for surveys of the same name.
    /// </summary>
    /// <param name="name">The organization's name.</param>
    /// <exception cref="KeyNotFoundException">The hub serves no organization of that name.</exception>
    public SurveyWorkflow Surveys(string name) => Find(name).Surveys;

    /// <summary>
    /// The loan sync of an organization (default <see cref="LoanSyncOptions"/>): its lookup names are read once per
    /// organization and never shared with another, whose loan types of the same name have other ids.
    /// </summary>
    /// <param name="name">The organization's name.</param>
    /// <exception cref="KeyNotFoundException">The hub serves no organization of that name.</exception>
    public LoanSync Loans(string name) => Find(name).Loans;

    /// <summary>
    /// A client acting as a TE user signed in with the partner's own credential (TE's recommended setup: one partner
    /// credential, each customer's users signing in through <see cref="AuthorizationCode"/>).
    /// </summary>
    /// <param name="userKey">The key the user's session was stored under.</param>
    /// <exception cref="InvalidOperationException">The partner's settings have no client id and secret.</exception>
    public TotalExpertUserClient ForUser(string userKey) => PartnerCredential.CreateUserClient(userKey);

    /// <summary>A client acting as a TE user signed in with an organization's credential.</summary>
    /// <param name="organization">The organization whose credential the user signed in with.</param>
    /// <param name="userKey">The key the user's session was stored under.</param>
    /// <exception cref="KeyNotFoundException">The hub serves no organization of that name.</exception>
    public TotalExpertUserClient ForUser(string organization, string userKey) => Find(organization).Connection.CreateUserClient(userKey);

    /// <summary>The authorization-code flow of the partner's own credential, to sign users in.</summary>
    /// <exception cref="InvalidOperationException">The partner's settings have no client id and secret.</exception>
    public AuthorizationCodeFlow AuthorizationCode => PartnerCredential.AuthorizationCode;

    private TotalExpertConnection PartnerCredential
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _partnerCredential.Value;
        }
    }

    /// <summary>
    /// Where every organization's admin token stands, and each egress's token budget: who holds a token until when, and
    /// when one that has none can have one. Nothing is sent.
    /// </summary>
    /// <param name="cancellationToken">Cancels the reads of the token store.</param>
    public async Task<TokenSchedule> GetTokenScheduleAsync(CancellationToken cancellationToken = default)
    {
        var organizations = _organizations.Values.OrderBy(o => o.Name, StringComparer.OrdinalIgnoreCase).ToList();
        var tokens = new List<OrganizationTokenStatus>(organizations.Count);
        foreach (var organization in organizations)
        {
            var status = await organization.Connection.AdminTokens.GetStatusAsync(cancellationToken).ConfigureAwait(false);
            tokens.Add(new OrganizationTokenStatus(organization.Name, organization.Connection.Options.Egress, status));
        }

        var budgets = new List<EgressTokenBudget>();
        foreach (var egress in organizations.GroupBy(o => (o.Connection.Options.Egress, Host: o.Connection.Options.BaseUrl.Host)))
        {
            var budget = egress.First().Connection.Budget();
            var recent = await budget.ReadRecentAsync(cancellationToken).ConfigureAwait(false);
            budgets.Add(new EgressTokenBudget(egress.Key.Egress, egress.Key.Host, budget.MaxPerHour, recent, budget.NextAllowedAt(recent, Time.GetUtcNow())));
        }

        return new TokenSchedule(Time.GetUtcNow(), tokens, budgets);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_changes)
        {
            _disposed = true;
        }

        foreach (var organization in _organizations.Values)
        {
            organization.Connection.Dispose();
        }

        _organizations.Clear();
        if (_partnerCredential.IsValueCreated)
        {
            _partnerCredential.Value.Dispose();
        }

        foreach (var handler in _egressHandlers.Values)
        {
            handler.Dispose();
        }
    }

    private static TotalExpertClientOptions Configured(Action<TotalExpertClientOptions>? defaults)
    {
        var options = new TotalExpertClientOptions();
        defaults?.Invoke(options);
        return options;
    }

    private TotalExpertConnection Add(string name, Func<TotalExpertClientOptions> options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        TotalExpertClientOptions settings;
        try
        {
            settings = options();
            settings.Validate();
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidOperationException($"Organization '{name}': {e.Message}", e);
        }

        lock (_changes)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_organizations.ContainsKey(name))
            {
                throw new InvalidOperationException($"Organization '{name}' is already served; remove it first to replace its settings.");
            }

            var connection = Connect(settings, name);
            _organizations[name] = new Organization(name, connection);
            return connection;
        }
    }

    // Every organization is a tenant of its egress's fair queue, weighted by its RateLimit:Weight.
    private TotalExpertConnection Connect(TotalExpertClientOptions options, string? tenant = null)
    {
        var handler = _egressHandlers.GetOrAdd(_egressHandler is null ? "" : options.Egress, egress => _egressHandler?.Invoke(egress) ?? TePrimaryHandler.Create());
        return new TotalExpertConnection(options, TokenStore, Time, _loggers, RateLimiters, handler) { Tenant = tenant, SharesTokenBudget = true };
    }

    private Organization Find(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _organizations.TryGetValue(name, out var organization)
            ? organization
            : throw new KeyNotFoundException($"TeGen serves no TE organization named '{name}' (known: {string.Join(", ", Organizations)}). Add it from configuration (TotalExpert:Organizations:{name}) or with AddOrganization.");
    }

    private sealed class Organization
    {
        private readonly Lazy<TotalExpertAdminClient> _admin;
        private readonly Lazy<SurveyWorkflow> _surveys;
        private readonly Lazy<LoanSync> _loans;

        public Organization(string name, TotalExpertConnection connection)
        {
            Name = name;
            Connection = connection;
            _admin = new(connection.CreateAdminClient);
            _surveys = new(() => new SurveyWorkflow(Admin));
            _loans = new(() => new LoanSync(Admin));
        }

        public string Name { get; }

        public TotalExpertConnection Connection { get; }

        public TotalExpertAdminClient Admin => _admin.Value;

        public SurveyWorkflow Surveys => _surveys.Value;

        public LoanSync Loans => _loans.Value;
    }
}
