namespace TeGen.Client.Http;

/// <summary>
/// The socket handler under every TeGen pipeline. Redirects are never followed: a 3xx from TE's host would carry
/// query strings (e-mail filters), JSON bodies and, on <c>/v1/token</c>, the authorization code and refresh token to
/// another host, whose answer would then be taken for TE's. The SDK surfaces a redirect as
/// <see cref="TotalExpertRedirectException"/> instead (see <see cref="ResponseBodyHandler"/>).
/// </summary>
internal static class TePrimaryHandler
{
    public static SocketsHttpHandler Create() => new()
    {
        AllowAutoRedirect = false,
        // Connections are recycled so a DNS change at TE is picked up.
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };

    /// <summary>
    /// Turns redirect following off on a handler supplied from outside (DI's primary handler, a caller's own), where
    /// the handler type allows it; <see cref="ResponseBodyHandler"/> still refuses an answer from another host.
    /// </summary>
    public static HttpMessageHandler WithoutRedirects(HttpMessageHandler handler)
    {
        try
        {
            switch (handler)
            {
                case SocketsHttpHandler { AllowAutoRedirect: true } sockets:
                    sockets.AllowAutoRedirect = false;
                    break;
                case HttpClientHandler { AllowAutoRedirect: true } client:
                    client.AllowAutoRedirect = false;
                    break;
            }
        }
        catch (InvalidOperationException)
        {
            // The handler has sent requests already and can no longer be changed; ResponseBodyHandler refuses redirects.
        }

        return handler;
    }
}
