using TeGen.Sandbox.Faults;
using TeGen.Sandbox.Hosting;
using TeGen.Sandbox.Inspection;

namespace TeGen.Sandbox;

/// <summary>
/// A running emulator of the Total Expert public API, hosted in-process on a real loopback socket.
/// </summary>
/// <remarks>
/// <para>
/// <c>GET v1/authorize</c> has no login page: it signs in the user named by the <c>login_hint</c> query parameter
/// (username, email, external id or TE id; default: the organization's first user that does not deny), approves at
/// once and redirects to <c>redirect_uri</c> with <c>code</c> and <c>state</c>. A user seeded with
/// <see cref="SandboxUser.DeniesAuthorization"/>, or a <c>login_hint</c> naming nobody, is redirected with
/// <c>error=access_denied</c> instead.
/// </para>
/// <para>
/// Besides TE's <c>/v1</c> operations the sandbox serves <c>GET /_sandbox/state</c>, <c>GET /_sandbox/requests</c>
/// (<c>?last=N</c>), <c>POST /_sandbox/reset</c> and <c>GET</c>/<c>PUT</c>/<c>DELETE /_sandbox/faults</c>, the HTTP
/// faces of <see cref="Inspector"/> and <see cref="Faults"/>.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// await using var sandbox = await TeSandbox.StartAsync();
/// using var http = new HttpClient { BaseAddress = sandbox.BaseUrl };
/// // POST v1/token with Basic sandbox.ClientId:sandbox.ClientSecret, then call v1/contacts ...
/// </code>
/// </example>
public sealed class TeSandbox : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TeSandbox(WebApplication app, SandboxRuntime runtime, Uri baseUrl)
    {
        _app = app;
        Options = runtime.Options;
        Organizations = runtime.Tenants.Organizations;
        Organization = Organizations[0];
        Inspector = runtime.Inspector;
        Faults = runtime.Faults;
        BaseUrl = baseUrl;
    }

    /// <summary>Root of the sandbox, e.g. <c>http://127.0.0.1:41873/</c>; the API lives under <c>v1/</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The token endpoint, <c>BaseUrl + v1/token</c>.</summary>
    public Uri TokenUrl => new(BaseUrl, "v1/token");

    /// <summary>The authorize endpoint, <c>BaseUrl + v1/authorize</c>.</summary>
    public Uri AuthorizeUrl => new(BaseUrl, "v1/authorize");

    /// <summary>The options the sandbox was started with.</summary>
    public TeSandboxOptions Options { get; }

    /// <summary>Every seeded organization, in the order of <see cref="TeSandboxOptions.Organizations"/>.</summary>
    public IReadOnlyList<SandboxOrganization> Organizations { get; }

    /// <summary>The first seeded organization (Acme Lending by default).</summary>
    public SandboxOrganization Organization { get; }

    /// <summary>OAuth client id of <see cref="Organization"/> (<c>tegen-sandbox-client</c> by default).</summary>
    public string ClientId => Organization.ClientId;

    /// <summary>OAuth client secret of <see cref="Organization"/> (<c>tegen-sandbox-secret</c> by default).</summary>
    public string ClientSecret => Organization.ClientSecret;

    /// <summary>Seeded users of <see cref="Organization"/>.</summary>
    public IReadOnlyList<SandboxUser> Users => [.. Organization.Users];

    /// <summary>Stored records and request counters.</summary>
    public SandboxInspector Inspector { get; }

    /// <summary>Fault injection, changeable while the sandbox runs.</summary>
    public FaultInjector Faults { get; }

    // Every (method, route pattern) the sandbox serves, e.g. ("GET", "/v1/contacts/{contact_id:long}").
    internal IReadOnlyList<(string Method, string Pattern)> Routes =>
    [
        .. ((IEndpointRouteBuilder)_app).DataSources
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
                .Select(method => (method, endpoint.RoutePattern.RawText ?? ""))),
    ];

    /// <summary>Starts a sandbox on <c>127.0.0.1</c> and an ephemeral port (or <see cref="TeSandboxOptions.Port"/>).</summary>
    /// <param name="options">Seed, clock, limits, faults and behaviour options; defaults when <c>null</c>.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running sandbox; dispose it to stop it.</returns>
    /// <exception cref="ArgumentException">The seed is inconsistent (duplicate client or user ids) or a fault rule is invalid.</exception>
    public static async Task<TeSandbox> StartAsync(TeSandboxOptions? options = null, CancellationToken cancellationToken = default)
    {
        var (app, runtime) = SandboxApp.Build(options ?? new TeSandboxOptions(), [], standalone: false);
        try
        {
            await app.StartAsync(cancellationToken);

            // In-process the spec is read once per process; a sandbox that started serves it at once.
            _ = runtime.Api;
            return new TeSandbox(app, runtime, new Uri(app.Urls.First()));
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>An <see cref="HttpClient"/> whose <see cref="HttpClient.BaseAddress"/> is <see cref="BaseUrl"/>.</summary>
    /// <returns>A new client; the caller disposes it.</returns>
    public HttpClient CreateHttpClient() => new() { BaseAddress = BaseUrl };

    /// <summary>Stops the server and releases its port.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
