using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using TeGen.Client.Diagnostics;
using TeGen.Client.Json;

namespace TeGen.Client.Auth;

/// <summary>
/// Sends <c>POST /v1/token</c> as TE documents it: client credentials in a Basic header, the grant in a JSON body.
/// Only <see cref="TotalExpertTokenProvider"/> and <see cref="AuthorizationCodeFlow"/> call it, after the budget
/// allowed the request. Every failure is a <see cref="TotalExpertApiException"/>: TE's refusals, transport failures,
/// timeouts (the exchange, body included, is bounded by <see cref="Http.TransportOptions.AttemptTimeout"/>) and
/// answers that are not a token (<see cref="TotalExpertProtocolException"/>).
/// </summary>
internal sealed class TokenEndpointClient(HttpClient http, TotalExpertClientOptions options, TimeProvider time)
{
    private const string Operation = "POST /v1/token";

    // TE documents 3600 s. An answer without a usable expires_in is taken as the documented hour; one claiming more than
    // a day is capped, so a damaged answer cannot keep a dead token cached (a 401 would renew it, at a token's cost).
    private static readonly TimeSpan DocumentedLifetime = TimeSpan.FromHours(1);
    private static readonly TimeSpan LongestLifetime = TimeSpan.FromDays(1);

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
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw new TotalExpertTransportException(request, e);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw await TotalExpertErrors.FromResponseAsync(response, time, cancellationToken, options.Diagnostics.KeepErrorBodies).ConfigureAwait(false);
            }

            var token = await ReadAsync(response, cancellationToken).ConfigureAwait(false);
            var lifetime = token.ExpiresIn is > 0 ? TimeSpan.FromSeconds(Math.Min(token.ExpiresIn.Value, LongestLifetime.TotalSeconds)) : DocumentedLifetime;
            return new AccessToken(token.AccessToken, time.GetUtcNow() + lifetime, token.RefreshToken, token.Scope);
        }
    }

    private static async Task<TokenResponse> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        TokenResponse? token;
        try
        {
            token = await response.Content.ReadFromJsonAsync<TokenResponse>(TeJson.Options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            // The message names the JSON path at fault, never the body: it holds the token.
            throw new TotalExpertProtocolException(Operation, status, $"the token answer is not the JSON TE documents ({(e as JsonException)?.Path ?? e.GetType().Name})", e);
        }

        if (token is null || string.IsNullOrWhiteSpace(token.AccessToken))
        {
            throw new TotalExpertProtocolException(Operation, status, "the token answer has no access_token");
        }

        return token;
    }
}
