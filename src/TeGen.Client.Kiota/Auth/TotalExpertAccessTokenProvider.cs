using Microsoft.Kiota.Abstractions.Authentication;

namespace TeGen.Client.Auth;

/// <summary>
/// Lets a Kiota-generated client use TeGen's token cache:
/// <c>new BaseBearerTokenAuthenticationProvider(new TotalExpertAccessTokenProvider(connection.AdminTokens, connection.Options))</c>.
/// Tokens are handed out only for TE's hosts and the configured base URL's host, and only over HTTPS (or HTTP
/// on loopback), so a request to any other host never carries a TE token.
/// </summary>
public sealed class TotalExpertAccessTokenProvider : IAccessTokenProvider
{
    private readonly TotalExpertTokenProvider _tokens;

    /// <summary>Creates the provider.</summary>
    /// <param name="tokens">The token provider to draw from (e.g. <see cref="TotalExpertConnection.AdminTokens"/>).</param>
    /// <param name="options">The client options; their base URL's host is allowed besides TE's hosts.</param>
    public TotalExpertAccessTokenProvider(TotalExpertTokenProvider tokens, TotalExpertClientOptions options)
    {
        _tokens = tokens ?? throw new ArgumentNullException(nameof(tokens));
        ArgumentNullException.ThrowIfNull(options);
        AllowedHostsValidator = new AllowedHostsValidator(
            [TotalExpertEnvironments.Production.Host, TotalExpertEnvironments.Sandbox.Host, options.BaseUrl.Host]);
    }

    /// <inheritdoc />
    public AllowedHostsValidator AllowedHostsValidator { get; }

    /// <inheritdoc />
    public async Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var secure = uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback);
        if (!secure || !AllowedHostsValidator.IsUrlHostValid(uri))
        {
            // Kiota's convention: an empty token means "send no Authorization header".
            return string.Empty;
        }

        return (await _tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false)).Value;
    }
}
