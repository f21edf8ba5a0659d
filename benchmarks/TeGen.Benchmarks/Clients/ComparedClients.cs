using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using TeGen.Benchmarks.Baseline;
using TeGen.Benchmarks.Canned;
using TeGen.Benchmarks.Kiota;
using TeGen.Client;

namespace TeGen.Benchmarks.Clients;

/// <summary>
/// The four clients, each with its own connection pool (or in-memory handler) to the same canned answers,
/// authenticated once at set-up: the raw baseline, TeGen (its whole handler pipeline), the NSwag-default client and
/// the Kiota client (with Kiota's default middleware). A fifth, TeGen's generated contacts client on a bare
/// HttpClient, separates what the generated code costs from what TeGen's handler pipeline costs.
/// </summary>
public sealed class ComparedClients : IAsyncDisposable
{
    private readonly CannedTeServer? _server;
    private readonly List<IDisposable> _owned = [];

    private ComparedClients(CannedTeServer? server, Uri baseUrl, string token, Func<HttpMessageHandler> transport)
    {
        _server = server;
        Raw = new RawTeClient(Own(BearerHttpClient(transport(), baseUrl, token)));

        var connection = Own(TeGenConnections.Create(baseUrl, Own(transport())));
        TeGen = connection.CreateAdminClient();
        TeGenWithoutPipeline = new ContactsClient(Own(BearerHttpClient(transport(), baseUrl, token)));

        NSwag = new NSwagDefault.Client(Own(BearerHttpClient(transport(), baseUrl, token))) { BaseUrl = baseUrl.ToString() };

        var adapter = new HttpClientRequestAdapter(
            new BaseBearerTokenAuthenticationProvider(new StaticAccessTokenProvider(token)),
            httpClient: Own(KiotaClientFactory.Create(transport())))
        {
            BaseUrl = baseUrl.ToString().TrimEnd('/'),
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

    /// <summary>
    /// Starts the canned server (for <see cref="Transport.Loopback"/>), fetches the token the other clients use, and
    /// lets TeGen fetch its own through its pipeline.
    /// </summary>
    /// <param name="transport">How the clients reach the canned answers.</param>
    public static async Task<ComparedClients> StartAsync(Transport transport = Transport.Loopback)
    {
        ComparedClients clients;
        if (transport == Transport.Loopback)
        {
            var server = await CannedTeServer.StartAsync().ConfigureAwait(false);
            var token = await FetchTokenAsync(new SocketsHttpHandler(), server.BaseUrl).ConfigureAwait(false);
            clients = new ComparedClients(server, server.BaseUrl, token, () => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        }
        else
        {
            var baseUrl = new Uri("http://127.0.0.1/");
            var token = await FetchTokenAsync(new CannedHandler(), baseUrl).ConfigureAwait(false);
            clients = new ComparedClients(null, baseUrl, token, () => new CannedHandler());
        }

        await clients.TeGen.Contacts.GetContactAsync(CannedPayloads.ContactId, CancellationToken.None).ConfigureAwait(false);
        return clients;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _owned.ForEach(owned => owned.Dispose());
        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
        }
    }

    private T Own<T>(T disposable)
        where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }

    private static HttpClient BearerHttpClient(HttpMessageHandler transport, Uri baseUrl, string token) =>
        new(transport)
        {
            BaseAddress = baseUrl,
            DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", token) },
        };

    private static async Task<string> FetchTokenAsync(HttpMessageHandler transport, Uri baseUrl)
    {
        using var http = new HttpClient(transport) { BaseAddress = baseUrl };
        using var response = await http.PostAsJsonAsync("v1/token", new { grant_type = "client_credentials" }).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<Dictionary<string, object>>().ConfigureAwait(false);
        return token?["access_token"].ToString() ?? throw new InvalidOperationException("The canned token reply had no access_token.");
    }
}
