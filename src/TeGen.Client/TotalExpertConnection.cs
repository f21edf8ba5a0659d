using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TeGen.Client.Auth;
using TeGen.Client.Http;
using TeGen.Client.Rules;

namespace TeGen.Client;

/// <summary>
/// Everything TeGen clients of one TE credential share: options, the token store and budget, the egress's rate limiter,
/// and the HTTP connection pool. Create one per client id and keep it for the life of the application; creating clients
/// from it is cheap. TE counts its limits per source IP: connections of several credentials leaving through one IP must
/// share one token store and one <see cref="TeRateLimiterRegistry"/> (pass the same instances, or let dependency
/// injection build them); a connection given neither has its own.
/// </summary>
/// <example>
/// <code>
/// using var te = new TotalExpertConnection(new TotalExpertClientOptions { ClientId = "...", ClientSecret = secret });
/// var admin = te.CreateAdminClient();
/// var page = await admin.Contacts.ListContactsAsync(1, 100, null, null, cancellationToken);
/// </code>
/// </example>
public sealed class TotalExpertConnection : IDisposable
{
    private readonly HttpMessageHandler _primaryHandler;
    private readonly bool _disposePrimaryHandler;
    private readonly ILoggerFactory _loggers;
    private readonly Lazy<TotalExpertTokenProvider> _adminTokens;

    /// <summary>Creates a connection.</summary>
    /// <param name="options">Settings; validated here.</param>
    /// <param name="tokenStore">Where tokens are cached; default a new <see cref="InMemoryTokenStore"/> of this connection's own.</param>
    /// <param name="timeProvider">The clock; default <see cref="TimeProvider.System"/>.</param>
    /// <param name="loggerFactory">Logging; default none. Secrets and tokens are never logged.</param>
    /// <param name="rateLimiters">Rate limiters; default a new registry of this connection's own.</param>
    /// <param name="primaryHandler">
    /// The innermost HTTP handler; default a pooled <see cref="SocketsHttpHandler"/>, owned by the connection. Redirect
    /// following is turned off on it where its type allows; TeGen never follows a redirect.
    /// </param>
    /// <exception cref="InvalidOperationException">An option is missing or invalid; the message names it.</exception>
    public TotalExpertConnection(
        TotalExpertClientOptions options,
        ITokenStore? tokenStore = null,
        TimeProvider? timeProvider = null,
        ILoggerFactory? loggerFactory = null,
        TeRateLimiterRegistry? rateLimiters = null,
        HttpMessageHandler? primaryHandler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        TokenStore = tokenStore ?? new InMemoryTokenStore();
        Time = timeProvider ?? TimeProvider.System;
        _loggers = loggerFactory ?? NullLoggerFactory.Instance;
        RateLimiter = (rateLimiters ?? new TeRateLimiterRegistry()).For(options, Time);
        _disposePrimaryHandler = primaryHandler is null;
        _primaryHandler = primaryHandler is null ? TePrimaryHandler.Create() : TePrimaryHandler.WithoutRedirects(primaryHandler);
        TokenEndpoint = new TokenEndpointClient(CreateTokenHttpClient(), options, Time);
        _adminTokens = new(() => new TotalExpertTokenProvider(TokenEndpoint, new ClientCredentialsGrant(options.Scopes), TokenStore, Logger<TotalExpertTokenProvider>(), SharesTokenBudget));
        AuthorizationCode = new AuthorizationCodeFlow(this);
        Tenant = options.ClientId;
        InsightTypes = new InsightTypeCatalog(Time, options.InsightTypeCacheRefresh);
    }

    /// <summary>The validated settings.</summary>
    public TotalExpertClientOptions Options { get; }

    /// <summary>Where this connection caches tokens.</summary>
    public ITokenStore TokenStore { get; }

    /// <summary>The clock.</summary>
    public TimeProvider Time { get; }

    /// <summary>The rate limiter shared by every client on this connection's egress scope.</summary>
    public TeRequestRateLimiter RateLimiter { get; }

    /// <summary>The authorization-code flow, to obtain <see cref="TotalExpertUserClient"/>s.</summary>
    public AuthorizationCodeFlow AuthorizationCode { get; }

    /// <summary>The client-credentials (Admin) token provider; also usable by Kiota clients through the TeGen.Client.Kiota package.</summary>
    public TotalExpertTokenProvider AdminTokens => _adminTokens.Value;

    internal TokenEndpointClient TokenEndpoint { get; }

    /// <summary>
    /// Whose calls these are in the egress limiter's fair queue: a <see cref="TotalExpertPartner"/> organization's name,
    /// else the client id, so that connections of different organizations sharing one limiter are served fairly even
    /// when built by hand. Set before the first client is created.
    /// </summary>
    internal string? Tenant
    {
        get => _tenant;
        init
        {
            _tenant = value ?? Options.ClientId;
            RateLimiter.SetWeight(_tenant, Options.RateLimit.Weight);
        }
    }

    private readonly string? _tenant;

    /// <summary>
    /// Whether other credentials draw on this connection's token budget (the organizations of a
    /// <see cref="TotalExpertPartner"/>): an early renewal then leaves the hour's last token request to a caller that
    /// has no token. Alone on its budget, a connection renews early whenever the budget allows.
    /// </summary>
    internal bool SharesTokenBudget { get; init; }

    /// <summary>The organization's insight types, cached for every client of this connection.</summary>
    internal InsightTypeCatalog InsightTypes { get; }

    /// <summary>The webhook actions TE offers, read once for every client of this connection.</summary>
    internal WebhookActionCatalog WebhookActions { get; } = new();

    /// <summary>
    /// Which of TE's lead APIs the organization has been seen to use: one memory for the client credentials (one
    /// organization), one per user session (users of one credential may belong to different organizations).
    /// </summary>
    internal LeadFamilyGuard LeadGuard(string? userKey) =>
        userKey is null ? _adminLeadGuard : _userLeadGuards.GetOrAdd(userKey, static _ => new LeadFamilyGuard());

    private readonly LeadFamilyGuard _adminLeadGuard = new();

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, LeadFamilyGuard> _userLeadGuards = new(StringComparer.Ordinal);

    /// <summary>A client acting As Admin (client credentials): owners must be named on creates.</summary>
    public TotalExpertAdminClient CreateAdminClient() => new(this);

    /// <summary>A client acting as the TE user whose session was stored under <paramref name="userKey"/>.</summary>
    /// <param name="userKey">The key given to <see cref="AuthorizationCodeFlow.ExchangeCodeAsync"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="userKey"/> is null, empty or white space.</exception>
    public TotalExpertUserClient CreateUserClient(string userKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userKey);
        return new(this, userKey);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposePrimaryHandler)
        {
            _primaryHandler.Dispose();
        }
    }

    internal TotalExpertTokenProvider UserTokenProvider(string userKey) =>
        new(TokenEndpoint, new RefreshTokenGrant(userKey), TokenStore, Logger<TotalExpertTokenProvider>(), SharesTokenBudget);

    internal TokenBudget Budget() => TokenBudget.For(TokenEndpoint, TokenStore, Logger<TokenBudget>());

    /// <summary>An HttpClient whose pipeline authenticates with <paramref name="tokens"/>.</summary>
    internal HttpClient CreateHttpClient(TotalExpertTokenProvider tokens)
    {
        return new HttpClient(Chain(CreateHandlers(tokens)), disposeHandler: false)
        {
            BaseAddress = Options.NormalizedBaseUrl,
            // Each attempt has its own timeout inside the pipeline; the client-wide one would cut retries short.
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>The SDK's handlers, outermost first, with the caller's own (<see cref="TotalExpertClientOptions.AddHandler"/>) in their places.</summary>
    internal IEnumerable<DelegatingHandler> CreateHandlers(TotalExpertTokenProvider tokens) =>
    [
        new TelemetryHandler(Logger<TelemetryHandler>(), Time),
        new ErrorHandler(Time, Options.Diagnostics.KeepErrorBodies),
        .. Options.CreateHandlers(TeHandlerPosition.PerCall),
        new RetryHandler(Options.Retry, Time, Logger<RetryHandler>()),
        .. Options.CreateHandlers(TeHandlerPosition.PerAttempt),
        // Authentication before the limiter: a call must not hold a permit while it waits for a token, or the
        // token request (which needs a permit too) would queue behind calls that are waiting for it.
        new AuthenticationHandler(tokens),
        new RateLimitHandler(RateLimiter, Time, Options.Retry.MaxDelay, tenant: Tenant, priority: Options.RateLimit.Priority),
        .. ExchangeHandlers(),
    ];

    // The innermost two of every pipeline: one attempt, headers and body, bounded in time and size.
    private DelegatingHandler[] ExchangeHandlers() =>
        [new AttemptTimeoutHandler(Options.Transport.AttemptTimeout, Time), new ResponseBodyHandler(Options.Transport.MaxResponseBytes)];

    // Token requests take a permit (TE counts them), and are bounded, body included, like every other request.
    private HttpClient CreateTokenHttpClient()
    {
        DelegatingHandler[] handlers =
        [
            new RateLimitHandler(RateLimiter, Time, Options.Retry.MaxDelay, pauseOn429: false),
            .. ExchangeHandlers(),
        ];
        return new HttpClient(Chain(handlers), disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
    }

    private HttpMessageHandler Chain(IEnumerable<DelegatingHandler> outermostFirst)
    {
        HttpMessageHandler pipeline = _primaryHandler;
        foreach (var handler in outermostFirst.Reverse())
        {
            handler.InnerHandler = pipeline;
            pipeline = handler;
        }

        return pipeline;
    }

    private ILogger Logger<T>() => _loggers.CreateLogger<T>();
}
