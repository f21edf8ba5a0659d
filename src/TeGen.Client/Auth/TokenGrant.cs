namespace TeGen.Client.Auth;

/// <summary>How a cached token is obtained anew: client credentials (Admin) or a refresh token (User).</summary>
internal abstract class TokenGrant
{
    /// <summary>Identifies the grant and user in the store key (no secret).</summary>
    public abstract string Subject { get; }

    public abstract Task<AccessToken> RequestAsync(TokenEndpointClient endpoint, AccessToken? current, CancellationToken cancellationToken);

    /// <summary>Throws when a token cannot be requested at all (a user without a session), before any budget is spent.</summary>
    public virtual void EnsureCanRequest(AccessToken? current)
    {
    }
}

/// <summary>Client credentials: TE answers with an organization-admin token.</summary>
internal sealed class ClientCredentialsGrant(IEnumerable<string> scopes) : TokenGrant
{
    private readonly string _scope = string.Join(' ', scopes);

    public override string Subject => "client_credentials:" + _scope;

    public override Task<AccessToken> RequestAsync(TokenEndpointClient endpoint, AccessToken? current, CancellationToken cancellationToken) =>
        endpoint.RequestAsync(
            new TokenRequest { GrantType = TokenGrantType.ClientCredentials, Scope = _scope.Length == 0 ? null : _scope },
            cancellationToken);
}

/// <summary>A user's session from the authorization-code flow, renewed with its refresh token.</summary>
internal sealed class RefreshTokenGrant(string userKey) : TokenGrant
{
    public override string Subject => "user:" + userKey;

    public override void EnsureCanRequest(AccessToken? current)
    {
        if (current?.RefreshToken is null)
        {
            throw new TotalExpertAuthenticationException(TotalExpertErrorDetails.Local(
                "POST /v1/token",
                $"There is no TE session with a refresh token for user '{userKey}': send the user through the authorization-code flow (AuthorizationCodeFlow) first. Nothing was sent.",
                mayHaveBeenProcessed: false));
        }
    }

    public override async Task<AccessToken> RequestAsync(TokenEndpointClient endpoint, AccessToken? current, CancellationToken cancellationToken)
    {
        EnsureCanRequest(current);
        var refreshToken = current!.RefreshToken!;

        var renewed = await endpoint.RequestAsync(
            new TokenRequest { GrantType = TokenGrantType.RefreshToken, RefreshToken = refreshToken },
            cancellationToken).ConfigureAwait(false);

        // TE may or may not rotate the refresh token; without a new one, the old one stays valid.
        return renewed.RefreshToken is null
            ? new AccessToken(renewed.Value, renewed.ExpiresAt, refreshToken, renewed.Scope)
            : renewed;
    }
}
