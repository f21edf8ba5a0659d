using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using TeGen.Client.Diagnostics;
using TeGen.Client.Json;

namespace TeGen.Client.Auth;

/// <summary>
/// Sends <c>POST /v1/token</c> as TE documents it: client credentials in a Basic header, the grant in a JSON body.
/// Only <see cref="TotalExpertTokenProvider"/> and <see cref="AuthorizationCodeFlow"/> call it, after the budget
/// allowed the request.
/// </summary>
internal sealed class TokenEndpointClient(HttpClient http, TotalExpertClientOptions options, TimeProvider time)
{
    public TotalExpertClientOptions Options => options;

    public TimeProvider Time => time;

    public async Task<AccessToken> RequestAsync(TokenRequest body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(options.NormalizedBaseUrl, "v1/token"))
        {
            Content = JsonContent.Create(body, options: TeJson.Options),
        };
        // Built without line breaks: TE warns that some base64 tools insert them and break the header.
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.ClientId}:{options.ClientSecret}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        TeGenTelemetry.TokenRequests.Add(1, new KeyValuePair<string, object?>("grant_type", body.GrantType.ToString()));
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw await TotalExpertErrors.FromResponseAsync(response, time, cancellationToken).ConfigureAwait(false);
        }

        var token = await response.Content.ReadFromJsonAsync<TokenResponse>(TeJson.Options, cancellationToken).ConfigureAwait(false);
        if (token is null || string.IsNullOrWhiteSpace(token.AccessToken))
        {
            throw new InvalidOperationException("TE's token response had no access_token.");
        }

        // TE documents 3600 s; a response without expires_in is treated as the documented hour.
        var lifetime = TimeSpan.FromSeconds(token.ExpiresIn is > 0 ? token.ExpiresIn.Value : 3600);
        return new AccessToken(token.AccessToken, time.GetUtcNow() + lifetime, token.RefreshToken, token.Scope);
    }
}
