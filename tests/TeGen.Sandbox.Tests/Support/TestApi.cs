using System.Collections.Specialized;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Web;

namespace TeGen.Sandbox.Tests.Support;

/// <summary>A sandbox of its own plus a raw HTTP client over loopback, and the few calls most tests need.</summary>
internal sealed class TestApi : IAsyncDisposable
{
    public const string AllScopes = "leadInteraction leadSurveyInteraction getUsers describeSchema";
    public const string RedirectUri = "https://app.example/callback";

    private TestApi(TeSandbox sandbox)
    {
        Sandbox = sandbox;
        Http = CreateClient(sandbox.BaseUrl, "127.0.0.1");
    }

    public TeSandbox Sandbox { get; }

    public HttpClient Http { get; }

    public static async Task<TestApi> StartAsync(Action<TeSandboxOptions>? configure = null)
    {
        var options = new TeSandboxOptions();

        // Most tests are not about the token budget; the limit tests set their own.
        options.RateLimits.TokenRequestLimit = 1000;

        // The sandbox's own tests send what the spec defines: a stray member is a mistake in the test.
        options.StrictRequestMembers = true;
        configure?.Invoke(options);
        return new TestApi(await TeSandbox.StartAsync(options));
    }

    // Binding the client socket to another loopback address (127.0.0.0/8) gives the sandbox another source IP.
    public static HttpClient CreateClient(Uri baseUrl, string sourceIp) =>
        new(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(IPAddress.Parse(sourceIp), 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        })
        {
            BaseAddress = baseUrl,
            Timeout = TimeSpan.FromSeconds(20),
        };

    public HttpClient ClientFrom(string sourceIp) => CreateClient(Sandbox.BaseUrl, sourceIp);

    public async Task<Reply> SendAsync(HttpMethod method, string path, string? token = null, object? body = null, string contentType = "application/json", HttpClient? client = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }

        if (body is not null)
        {
            // Bytes as given, so that tests can send what no serializer would write (invalid UTF-8, duplicate keys).
            request.Content = body as byte[] is { } bytes
                ? new ByteArrayContent(bytes)
                : new StringContent(body as string ?? ((JsonNode)body).ToJsonString(), Encoding.UTF8);
            request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        }

        using var response = await (client ?? Http).SendAsync(request);
        return await Reply.ReadAsync(response);
    }

    // The Authorization header exactly as given, however malformed.
    public async Task<Reply> SendWithAuthorizationAsync(HttpMethod method, string path, string authorization, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        using var response = await Http.SendAsync(request);
        return await Reply.ReadAsync(response);
    }

    public Task<Reply> GetAsync(string path, string? token) => SendAsync(HttpMethod.Get, path, token);

    public Task<Reply> PostAsync(string path, string? token, object body) => SendAsync(HttpMethod.Post, path, token, body);

    public Task<Reply> PatchAsync(string path, string? token, object body) => SendAsync(HttpMethod.Patch, path, token, body);

    public Task<Reply> DeleteAsync(string path, string? token) => SendAsync(HttpMethod.Delete, path, token);

    // Basic credentials plus a JSON body, as TE documents it.
    public async Task<Reply> RequestTokenAsync(object body, string? clientId = null, string? clientSecret = null, HttpClient? client = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/token")
        {
            Content = body as HttpContent ?? new StringContent(body as string ?? ((JsonNode)body).ToJsonString(), Encoding.UTF8, "application/json"),
        };
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId ?? Sandbox.ClientId}:{clientSecret ?? Sandbox.ClientSecret}"));
        request.Headers.Authorization = new("Basic", credentials);
        using var response = await (client ?? Http).SendAsync(request);
        return await Reply.ReadAsync(response);
    }

    // A client-credentials token of the first organization, or of the one given.
    public async Task<string> AdminTokenAsync(string? scope = null, SandboxOrganization? organization = null)
    {
        var body = new JsonObject { ["grant_type"] = "client_credentials" };
        if (scope is not null)
        {
            body["scope"] = scope;
        }

        return (await RequestTokenAsync(body, organization?.ClientId, organization?.ClientSecret)).Expect(200).Text("access_token");
    }

    public async Task<Uri> AuthorizeAsync(string? loginHint = "jane-doe-acme", string scope = AllScopes, string? redirectUri = RedirectUri, string? clientId = null, string responseType = "code")
    {
        using var response = await Http.GetAsync($"v1/authorize?{AuthorizeQuery(loginHint, scope, redirectUri, clientId, responseType)}");
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"expected a redirect, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response.Headers.Location!;
    }

    // Its ToString() is the query string, each value percent-encoded.
    public NameValueCollection AuthorizeQuery(string? loginHint = "jane-doe-acme", string scope = AllScopes, string? redirectUri = RedirectUri, string? clientId = null, string responseType = "code")
    {
        var query = HttpUtility.ParseQueryString("");
        query["response_type"] = responseType;
        query["client_id"] = clientId ?? Sandbox.ClientId;
        query["scope"] = scope;
        query["state"] = "state-42";
        if (redirectUri is not null)
        {
            query["redirect_uri"] = redirectUri;
        }

        if (loginHint is not null)
        {
            query["login_hint"] = loginHint;
        }

        return query;
    }

    public async Task<string> CodeAsync(string loginHint = "jane-doe-acme", string scope = AllScopes)
    {
        var location = await AuthorizeAsync(loginHint, scope);
        return HttpUtility.ParseQueryString(location.Query)["code"] ?? throw new InvalidOperationException($"no code in {location}");
    }

    public async Task<Reply> ExchangeCodeAsync(string code, string? redirectUri = RedirectUri, string? clientId = null, string? clientSecret = null)
    {
        var body = new JsonObject { ["grant_type"] = "authorization_code", ["code"] = code };
        if (redirectUri is not null)
        {
            body["redirect_uri"] = redirectUri;
        }

        return await RequestTokenAsync(body, clientId, clientSecret);
    }

    public async Task<string> UserTokenAsync(string loginHint = "jane-doe-acme", string scope = AllScopes) =>
        (await ExchangeCodeAsync(await CodeAsync(loginHint, scope))).Expect(200).Text("access_token");

    // Contacts First1 Lee <c1@example.test>, First2 ..., created As Admin; returns the admin token.
    public async Task<string> SeedContactsAsync(int count)
    {
        var token = await AdminTokenAsync();
        for (var i = 1; i <= count; i++)
        {
            await CreateAsync("v1/contacts", token, Bodies.Contact($"First{i}", "Lee", $"c{i}@example.test"));
        }

        return token;
    }

    public async Task<long> CreateAsync(string path, string token, JsonObject body) => (await PostAsync(path, token, body)).Expect(201).Id;

    public ValueTask DisposeAsync()
    {
        Http.Dispose();
        return Sandbox.DisposeAsync();
    }
}
