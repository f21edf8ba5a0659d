using TeGen.Client.Auth;
using TeGen.Client.Diagnostics;
using TeGen.Client.Http;

namespace TeGen.Client;

/// <summary>
/// Settings of a TeGen client. Bind them from the configuration section <c>TotalExpert</c>
/// (<see cref="SectionName"/>) or set them in code; <see cref="Validate"/> runs before first use.
/// </summary>
public sealed class TotalExpertClientOptions
{
    /// <summary>The configuration section the DI registration binds: <c>TotalExpert</c>.</summary>
    public const string SectionName = "TotalExpert";

    /// <summary>
    /// The TE host, e.g. <see cref="TotalExpertEnvironments.Production"/> (the default) or
    /// <see cref="TotalExpertEnvironments.Sandbox"/>. Must be HTTPS unless it is a loopback address
    /// (a local TeGen.Sandbox).
    /// </summary>
    public Uri BaseUrl { get; set; } = TotalExpertEnvironments.Production;

    /// <summary>The OAuth client id TE issued.</summary>
    public string? ClientId { get; set; }

    /// <summary>The OAuth client secret TE issued. Keep it out of source code; it is never logged.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>
    /// Scopes to request, e.g. <c>leadInteraction</c>, <c>leadSurveyInteraction</c>. TE advises asking for every
    /// scope you need in one token: tokens are limited to 2 per hour.
    /// </summary>
    public IList<string> Scopes { get; set; } = [];

    /// <summary>Token renewal and the token-request budget; see <see cref="TokenOptions"/>.</summary>
    public TokenOptions Tokens { get; set; } = new();

    /// <summary>TE's request limit (1000 per minute per egress); see <see cref="RateLimitHandlerOptions"/>.</summary>
    public RateLimitHandlerOptions RateLimit { get; set; } = new();

    /// <summary>
    /// Name of the egress (the source IP) this client's requests leave through. TE counts both its limits per source IP,
    /// so every client of a process that leaves through the same IP shares one request limiter and one token-request
    /// budget; give clients that leave through different IPs different names. Default: <c>default</c>.
    /// </summary>
    public string Egress { get; set; } = "default";

    /// <summary>Retry behaviour; see <see cref="RetryHandlerOptions"/>.</summary>
    public RetryHandlerOptions Retry { get; set; } = new();

    /// <summary>Attempt timeout and the largest answer read; see <see cref="TransportOptions"/>.</summary>
    public TransportOptions Transport { get; set; } = new();

    /// <summary>What is kept for diagnosing failed calls; see <see cref="DiagnosticsOptions"/>.</summary>
    public DiagnosticsOptions Diagnostics { get; set; } = new();

    /// <summary>
    /// The owner an admin create gets when it names none (contacts, groups, notes, survey responses, insights).
    /// Without it, an admin create that names no owner is refused before sending: TE requires an owner As Admin.
    /// For insights the owner must be known by id, username or external id (TE does not accept an e-mail there).
    /// </summary>
    public OwnerRef? DefaultOwner { get; set; }

    /// <summary>
    /// Your partner name, the prefix of every insight type you post (<c>"&lt;Prefix&gt;: &lt;Event&gt;"</c>, e.g.
    /// <c>Lending Software</c>). When set, an insight whose type name lacks it is refused before sending, and
    /// <see cref="TotalExpertClient.InsightTypeName"/> builds names with it.
    /// </summary>
    public string? PartnerPrefix { get; set; }

    /// <summary>
    /// Whether an insight create first checks its type against <c>/v1/insight-types</c> (read once, cached, read again
    /// on a miss at most once per <see cref="InsightTypeCacheRefresh"/>), so an unknown type fails with the list of
    /// known ones instead of a bare 422. Default <c>true</c>.
    /// </summary>
    public bool CheckInsightTypes { get; set; } = true;

    /// <summary>The shortest time between two reads of <c>/v1/insight-types</c> caused by unknown types. Default 1 minute.</summary>
    public TimeSpan InsightTypeCacheRefresh { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Contact groups your TE organization requires on every contact (organization-specific; TE does not publish
    /// them or the error it returns). See <see cref="MissingRequiredGroups"/> for what happens when a contact
    /// create lacks one.
    /// </summary>
    public IList<string> RequiredContactGroups { get; set; } = [];

    /// <summary>What a contact create lacking a <see cref="RequiredContactGroups">required group</see> does. Default <see cref="RequiredGroupsPolicy.Add"/>.</summary>
    public RequiredGroupsPolicy MissingRequiredGroups { get; set; } = RequiredGroupsPolicy.Add;

    /// <summary>
    /// Adds a handler of your own to every pipeline built from these options (logging, a correlation header, a
    /// circuit breaker), as Azure SDK clients take policies. The factory is called once per pipeline: a
    /// <see cref="DelegatingHandler"/> can be in one pipeline only.
    /// </summary>
    /// <param name="factory">Creates the handler.</param>
    /// <param name="position">Once per call (outside the retries) or once per attempt (inside them).</param>
    public void AddHandler(Func<DelegatingHandler> factory, TeHandlerPosition position = TeHandlerPosition.PerCall)
    {
        ArgumentNullException.ThrowIfNull(factory);
        _handlers.Add((factory, position));
    }

    /// <summary>The handlers added with <see cref="AddHandler"/>, in the order they were added.</summary>
    internal IEnumerable<DelegatingHandler> CreateHandlers(TeHandlerPosition position) =>
        _handlers.Where(h => h.Position == position).Select(h => h.Factory() ?? throw new InvalidOperationException("A handler factory given to AddHandler returned null."));

    private readonly List<(Func<DelegatingHandler> Factory, TeHandlerPosition Position)> _handlers = [];

    /// <summary>Checks every setting and throws <see cref="InvalidOperationException"/> naming the first wrong one as
    /// <c>TotalExpert:&lt;Setting&gt;</c>.</summary>
    /// <param name="requireClientSecret">Whether a client secret is required (it is for every TE grant).</param>
    /// <exception cref="InvalidOperationException">A setting is missing or invalid.</exception>
    public void Validate(bool requireClientSecret = true)
    {
        if (Problem(requireClientSecret) is { } problem)
        {
            throw Invalid(problem.Setting, problem.Message);
        }
    }

    /// <summary>The first wrong setting and what is wrong with it, or <c>null</c> when all are valid.</summary>
    internal (string Setting, string Message)? Problem(bool requireClientSecret = true)
    {
        var check = new OptionChecks();
        var baseUrlProblem = BaseUrlProblem();
        check.That(nameof(BaseUrl), baseUrlProblem is null, baseUrlProblem ?? "");
        check.That(nameof(ClientId), !string.IsNullOrWhiteSpace(ClientId), "is required");
        check.That(nameof(ClientSecret), !requireClientSecret || !string.IsNullOrWhiteSpace(ClientSecret), "is required");
        check.That(nameof(Scopes), Scopes is not null, "cannot be null (leave it empty for TE's default scopes)");
        check.That(nameof(Scopes), Scopes is null || Scopes.All(s => !string.IsNullOrWhiteSpace(s) && !s.Any(char.IsWhiteSpace)),
            "contains an empty scope or one with white space; list each scope on its own");
        check.That(nameof(Tokens), Tokens is not null, "is required");
        Tokens?.Check(check);
        check.That(nameof(RateLimit), RateLimit is not null, "is required");
        RateLimit?.Check(check);
        check.That(nameof(Egress), !string.IsNullOrWhiteSpace(Egress), "is required");
        check.That(nameof(Retry), Retry is not null, "is required");
        Retry?.Check(check);
        check.That(nameof(Transport), Transport is not null, "is required");
        Transport?.Check(check);
        check.That(nameof(Diagnostics), Diagnostics is not null, "is required");
        check.That(nameof(DefaultOwner), DefaultOwner is not { IsSet: false }, "names no user: set its Id, Email, Username or ExternalId");
        check.That(nameof(PartnerPrefix), PartnerPrefix is null || InsightTypeNames.NormalizePrefix(PartnerPrefix) is not null, "is empty");
        check.That(nameof(RequiredContactGroups), RequiredContactGroups is not null, "cannot be null (leave it empty when no group is required)");
        check.That(nameof(RequiredContactGroups), RequiredContactGroups?.Any(string.IsNullOrWhiteSpace) != true, "contains an empty group name");
        check.Defined(nameof(MissingRequiredGroups), MissingRequiredGroups);
        check.Within(nameof(InsightTypeCacheRefresh), InsightTypeCacheRefresh, TimeSpan.Zero, TimeSpan.FromDays(1));
        return check.First;
    }

    private string? BaseUrlProblem() => BaseUrl switch
    {
        null or { IsAbsoluteUri: false } => "must be an absolute URL such as https://public.totalexpert.net/",
        { Scheme: "https" } or { Scheme: "http", IsLoopback: true } when BaseUrl.UserInfo.Length == 0 && BaseUrl.Query.Length == 0 && BaseUrl.Fragment.Length == 0 => null,
        { Scheme: "https" } or { Scheme: "http", IsLoopback: true } => "must not carry credentials, a query string or a fragment",
        _ => $"must use HTTPS (got {BaseUrl.Scheme}://{BaseUrl.Host}); plain HTTP is allowed only on loopback, for a local sandbox",
    };

    /// <summary>The base URL with a trailing slash, as HttpClient needs for relative paths.</summary>
    internal Uri NormalizedBaseUrl => BaseUrl.AbsoluteUri.EndsWith('/') ? BaseUrl : new Uri(BaseUrl.AbsoluteUri + "/");

    internal static InvalidOperationException Invalid(string setting, string problem) =>
        new($"TotalExpert:{setting} {problem}.");
}
