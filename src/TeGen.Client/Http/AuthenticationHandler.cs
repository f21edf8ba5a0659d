using System.Net;
using System.Net.Http.Headers;
using TeGen.Client.Auth;

namespace TeGen.Client.Http;

/// <summary>
/// Adds the bearer token. On a 401 for an expired or revoked token it renews the token once and repeats the
/// request once — never in a loop, and not for <c>insufficient_scope</c>, which a new token would not fix.
/// </summary>
internal sealed class AuthenticationHandler(TotalExpertTokenProvider tokens) : TeDelegatingHandler
{
    // The header of the token last used: calls on the same token share one header value instead of creating one each.
    private AuthorizationHeader? _header;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // An operation the spec declares without security (the heartbeat) must not cost a token request.
        if (TeOperation.Of(request) is { RequiresAuthentication: false })
        {
            return base.SendAsync(request, cancellationToken);
        }

        // A cached token and an answer that has already arrived other than 401 (nearly every call) pass without a task or
        // async state of this handler's own; a token still to be fetched or a 401 take the full path.
        var token = TokenForAsync(cancellationToken);
        if (!token.IsCompletedSuccessfully)
        {
            return SendAuthenticatedAsync(request, token, null, cancellationToken);
        }

        var current = token.Result;
        request.Headers.Authorization = HeaderFor(current);
        var sent = SendInnerAsync(request, cancellationToken);

        return sent.IsCompletedSuccessfully && sent.Result.StatusCode != HttpStatusCode.Unauthorized
            ? sent
            : SendAuthenticatedAsync(request, new(current), sent, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendAuthenticatedAsync(HttpRequestMessage request, ValueTask<Auth.AccessToken> pendingToken, Task<HttpResponseMessage>? sent, CancellationToken cancellationToken)
    {
        var token = await pendingToken.ConfigureAwait(false);
        if (sent is null)
        {
            request.Headers.Authorization = HeaderFor(token);
        }

        var response = await (sent ?? base.SendAsync(request, cancellationToken)).ConfigureAwait(false);
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

    private AuthenticationHeaderValue HeaderFor(Auth.AccessToken token)
    {
        var cached = Volatile.Read(ref _header);
        if (cached is null || cached.Token != token.Value)
        {
            cached = new AuthorizationHeader(token.Value, new AuthenticationHeaderValue("Bearer", token.Value));
            Volatile.Write(ref _header, cached);
        }

        return cached.Value;
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

    private sealed record AuthorizationHeader(string Token, AuthenticationHeaderValue Value);
}
