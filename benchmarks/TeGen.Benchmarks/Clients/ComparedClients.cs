using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using TeGen.Benchmarks.Baseline;
using TeGen.Benchmarks.Canned;
using TeGen.Benchmarks.Kiota;
using TeGen.Client;
using TeGen.Client.Auth;
using TeGen.Client.Http;
using NSwagDefault = TeGen.Benchmarks.NSwagDefault;

namespace TeGen.Benchmarks.Clients;

/// <summary>
/// The four clients, each with its own connection pool to the same canned server, authenticated once at set-up:
/// the raw baseline, TeGen (its whole handler pipeline), the NSwag-default client and the Kiota client (with Kiota's
/// default middleware). A fifth, TeGen's generated contacts client on a bare HttpClient, separates what the generated
/// code costs from what TeGen's handler pipeline costs.
/// </summary>
public sealed class ComparedClients : IAsyncDisposable
{
    private readonly CannedTeServer _server;
    private readonly TotalExpertConnection _connection;
    private readonly HttpClient _rawHttp;
    private readonly HttpClient _bareTeGenHttp;
    private readonly HttpClient _nswagHttp;
    private readonly HttpClient _kiotaHttp;

    private ComparedClients(CannedTeServer server, string token)
    {
        _server = server;
        _rawHttp = BearerHttpClient(server.BaseUrl, token);
        Raw = new RawTeClient(_rawHttp);

        _connection = new TotalExpertConnection(
            new TotalExpertClientOptions
            {
                BaseUrl = server.BaseUrl,
                ClientId = "benchmark-client",
                ClientSecret = "benchmark-secret",
                // TE's real 1000 per minute would make a benchmark wait. 1000 permits per 10 ms is far more than one
                // caller reaches on loopback, so the limiter always grants at once but still does its bookkeeping,
                // and its log of grants stays at the size TE's real limit gives it.
                RequestsPerWindow = 1000,
                RateLimitWindow = TimeSpan.FromMilliseconds(10),
                RateLimitSafetyMargin = TimeSpan.Zero,
                RateLimitScope = "benchmarks",
            },
            new InMemoryTokenStore(),
            TimeProvider.System,
            loggerFactory: null,
            new TeRateLimiterRegistry());
        TeGen = _connection.CreateAdminClient();
        _bareTeGenHttp = BearerHttpClient(server.BaseUrl, token);
        TeGenWithoutPipeline = new ContactsClient(_bareTeGenHttp);

        _nswagHttp = BearerHttpClient(server.BaseUrl, token);
        NSwag = new NSwagDefault.Client(_nswagHttp) { BaseUrl = server.BaseUrl.ToString() };

        _kiotaHttp = KiotaClientFactory.Create();
        var adapter = new HttpClientRequestAdapter(new BaseBearerTokenAuthenticationProvider(new StaticAccessTokenProvider(token)), httpClient: _kiotaHttp)
        {
            BaseUrl = server.BaseUrl.ToString().TrimEnd('/'),
        };
        Kiota = new TeKiotaClient(adapter);
    }

    /// <summary>The baseline.</summary>
    public RawTeClient Raw { get; }

    /// <summary>TeGen's admin client.</summary>
    public TotalExpertAdminClient TeGen { get; }

    /// <summary>TeGen's generated contacts client without the SDK's handlers (no limiter, retries, telemetry, token cache).</summary>
    public IContactsClient TeGenWithoutPipeline { get; }

    /// <summary>The client NSwag generates with its defaults.</summary>
    public NSwagDefault.Client NSwag { get; }

    /// <summary>The Kiota client.</summary>
    public TeKiotaClient Kiota { get; }

    /// <summary>Starts the canned server, fetches the token the other clients use, and lets TeGen fetch its own.</summary>
    public static async Task<ComparedClients> StartAsync()
    {
        var server = await CannedTeServer.StartAsync().ConfigureAwait(false);
        var clients = new ComparedClients(server, await FetchTokenAsync(server.BaseUrl).ConfigureAwait(false));
        await clients.TeGen.Contacts.GetContactAsync(CannedPayloads.ContactId, CancellationToken.None).ConfigureAwait(false);
        return clients;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _rawHttp.Dispose();
        _bareTeGenHttp.Dispose();
        _nswagHttp.Dispose();
        _kiotaHttp.Dispose();
        _connection.Dispose();
        await _server.DisposeAsync().ConfigureAwait(false);
    }

    private static HttpClient BearerHttpClient(Uri baseUrl, string token) =>
        new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = baseUrl,
            DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", token) },
        };

    private static async Task<string> FetchTokenAsync(Uri baseUrl)
    {
        using var http = new HttpClient { BaseAddress = baseUrl };
        using var response = await http.PostAsJsonAsync("v1/token", new { grant_type = "client_credentials" }).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<Dictionary<string, object>>().ConfigureAwait(false);
        return token?["access_token"].ToString() ?? throw new InvalidOperationException("The canned token reply had no access_token.");
    }
}
