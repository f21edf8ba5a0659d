using System.Net;
using System.Net.Http.Headers;
using TeGen.Client.Auth;

namespace TeGen.Client.Http;

/// <summary>
/// Adds the bearer token. On a 401 for an expired or revoked token it renews the token once and repeats the
/// request once — never in a loop, and not for <c>insufficient_scope</c>, which a new token would not fix.
/// </summary>
internal sealed class AuthenticationHandler(TotalExpertTokenProvider tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // An operation the spec declares without security (the heartbeat) must not cost a token request.
        if (TeOperation.Of(request) is { RequiresAuthentication: false })
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var token = await TokenForAsync(cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized || await IsScopeProblemAsync(response, cancellationToken).ConfigureAwait(false))
        {
            return response;
        }

        await tokens.InvalidateAsync(token.Value, cancellationToken).ConfigureAwait(false);
        var renewed = await TokenForAsync(cancellationToken).ConfigureAwait(false);
        if (renewed.Value == token.Value)
        {
            return response;
        }

        response.Dispose();
        // HttpClient leaves request content undisposed, so the body can be copied after the first send.
        var repeat = await HttpRequestCloning.CloneAsync(request, cancellationToken).ConfigureAwait(false);
        repeat.Headers.Authorization = new AuthenticationHeaderValue("Bearer", renewed.Value);
        return await base.SendAsync(repeat, cancellationToken).ConfigureAwait(false);
    }

    // A token failure is the call's failure, but the call itself was not sent: the retry policy may repeat it.
    private async ValueTask<Auth.AccessToken> TokenForAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (TotalExpertApiException e)
        {
            e.BeforeSending = true;
            throw;
        }
    }

    private static async Task<bool> IsScopeProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Headers.WwwAuthenticate.Any(h => h.Parameter?.Contains("insufficient_scope", StringComparison.Ordinal) == true))
        {
            return true;
        }

        // ResponseBodyHandler has buffered the body (an error body only up to its first kilobytes), so reading it here
        // is bounded and leaves it readable for the error translation further out.
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return body.Contains("insufficient_scope", StringComparison.Ordinal);
    }
}
