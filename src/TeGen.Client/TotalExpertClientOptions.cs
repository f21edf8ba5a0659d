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

    /// <summary>How long before expiry a cached token is renewed. Default 5 minutes.</summary>
    public TimeSpan TokenRenewalMargin { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Token requests allowed per rolling hour for this client id (TE's limit: 2 per hour, per source IP).
    /// Past it the SDK refuses with <see cref="TokenBudgetExceededException"/> instead of earning a 429.
    /// </summary>
    public int MaxTokenRequestsPerHour { get; set; } = 2;

    /// <summary>Requests allowed per <see cref="RateLimitWindow"/> (TE: 1000 per minute, per source IP).</summary>
    public int RequestsPerWindow { get; set; } = 1000;

    /// <summary>The window of <see cref="RequestsPerWindow"/>. Default 1 minute.</summary>
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Added to <see cref="RateLimitWindow"/> on the client side to absorb network jitter between the moment a
    /// request leaves and the moment TE counts it. Default 1 second (about 98% of TE's ceiling per minute).
    /// </summary>
    public TimeSpan RateLimitSafetyMargin { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Name of the egress the rate limit is shared on. TE counts per source IP, so every client in a process that
    /// leaves through the same IP shares one limiter; give clients that leave through different IPs different
    /// scopes. Default: <c>default</c>.
    /// </summary>
    public string RateLimitScope { get; set; } = "default";

    /// <summary>Retry behaviour; see <see cref="RetryHandlerOptions"/>.</summary>
    public RetryHandlerOptions Retry { get; set; } = new();

    /// <summary>
    /// The largest answer the SDK reads, in bytes; a larger one fails with <see cref="TotalExpertResponseTooLargeException"/>
    /// without being read. Error answers are read only up to their first few kilobytes whatever this says. Default 32 MiB.
    /// </summary>
    public long MaxResponseBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>Time allowed for one HTTP attempt. Default 100 seconds; <see cref="Timeout.InfiniteTimeSpan"/> for none.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(100);

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

    /// <summary>Checks the settings and throws <see cref="InvalidOperationException"/> naming the first wrong one.</summary>
    /// <param name="requireClientSecret">Whether a client secret is required (it is for every TE grant).</param>
    /// <exception cref="InvalidOperationException">A setting is missing or invalid.</exception>
    public void Validate(bool requireClientSecret = true)
    {
        if (BaseUrl is null || !BaseUrl.IsAbsoluteUri)
        {
            throw Invalid(nameof(BaseUrl), "must be an absolute URL such as https://public.totalexpert.net/");
        }

        if (BaseUrl.Scheme != Uri.UriSchemeHttps && !(BaseUrl.Scheme == Uri.UriSchemeHttp && BaseUrl.IsLoopback))
        {
            throw Invalid(nameof(BaseUrl), $"must use HTTPS (got {BaseUrl.Scheme}://{BaseUrl.Host}); plain HTTP is allowed only on loopback, for a local sandbox");
        }

        if (string.IsNullOrWhiteSpace(ClientId))
        {
            throw Invalid(nameof(ClientId), "is required");
        }

        if (requireClientSecret && string.IsNullOrWhiteSpace(ClientSecret))
        {
            throw Invalid(nameof(ClientSecret), "is required");
        }

        Positive(nameof(MaxTokenRequestsPerHour), MaxTokenRequestsPerHour);
        Positive(nameof(RequestsPerWindow), RequestsPerWindow);
        Positive(nameof(RateLimitWindow), RateLimitWindow.Ticks);
        if (AttemptTimeout != Timeout.InfiniteTimeSpan)
        {
            Positive(nameof(AttemptTimeout), AttemptTimeout.Ticks);
        }
        if (TokenRenewalMargin < TimeSpan.Zero || RateLimitSafetyMargin < TimeSpan.Zero)
        {
            throw Invalid(TokenRenewalMargin < TimeSpan.Zero ? nameof(TokenRenewalMargin) : nameof(RateLimitSafetyMargin), "cannot be negative");
        }

        if (string.IsNullOrWhiteSpace(RateLimitScope))
        {
            throw Invalid(nameof(RateLimitScope), "is required");
        }

        (Retry ?? throw Invalid(nameof(Retry), "is required")).Validate();
        if (DefaultOwner is { IsSet: false })
        {
            throw Invalid(nameof(DefaultOwner), "names no user: set its Id, Email, Username or ExternalId");
        }

        if (PartnerPrefix is not null && InsightTypeNames.NormalizePrefix(PartnerPrefix) is null)
        {
            throw Invalid(nameof(PartnerPrefix), "is empty");
        }

        if (RequiredContactGroups?.Any(string.IsNullOrWhiteSpace) == true)
        {
            throw Invalid(nameof(RequiredContactGroups), "contains an empty group name");
        }

        if (InsightTypeCacheRefresh < TimeSpan.Zero)
        {
            throw Invalid(nameof(InsightTypeCacheRefresh), "cannot be negative");
        }
    }

    /// <summary>The base URL with a trailing slash, as HttpClient needs for relative paths.</summary>
    internal Uri NormalizedBaseUrl => BaseUrl.AbsoluteUri.EndsWith('/') ? BaseUrl : new Uri(BaseUrl.AbsoluteUri + "/");

    internal static InvalidOperationException Invalid(string setting, string problem) =>
        new($"TotalExpert:{setting} {problem}.");

    private static void Positive(string setting, long value)
    {
        if (value <= 0)
        {
            throw Invalid(setting, "must be greater than zero");
        }
    }
}
