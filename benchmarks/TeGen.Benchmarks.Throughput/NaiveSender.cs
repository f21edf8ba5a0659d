using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace TeGen.Benchmarks.Throughput;

/// <summary>
/// What a typical hand-rolled integration does: a plain <see cref="HttpClient"/> with a bearer token, sending as
/// fast as its callers ask and retrying only on 429 (after <c>Retry-After</c>, or one second without it), a bounded
/// number of times. It is given one shared token (fetched once per process), which is kinder than many real
/// integrations: fetching one per instance would run into TE's two-tokens-per-hour limit at the third instance.
/// </summary>
internal sealed class NaiveSender(Uri baseUrl, string token, LoadContacts contacts, int maxRetries) : IContactSender
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(1);

    private readonly HttpClient _http = new()
    {
        BaseAddress = baseUrl,
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", token) },
    };

    public async Task<bool> CreateAsync(int n, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var response = await _http.PostAsJsonAsync("v1/contacts", contacts.ForNaive(n), cancellationToken).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.TooManyRequests)
            {
                return response.IsSuccessStatusCode;
            }

            if (attempt == maxRetries)
            {
                return false;
            }

            await Task.Delay(response.Headers.RetryAfter?.Delta ?? DefaultWait, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose() => _http.Dispose();

    /// <summary>The client-credentials token request as TE documents it (Basic credentials, JSON body).</summary>
    public static async Task<string> FetchTokenAsync(Uri baseUrl, string clientId, string clientSecret, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = baseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/token")
        {
            Content = JsonContent.Create(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{clientId}:{clientSecret}")));
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<Dictionary<string, object>>(cancellationToken).ConfigureAwait(false);
        return body?["access_token"]?.ToString() ?? throw new InvalidOperationException("The token response had no access_token.");
    }
}
