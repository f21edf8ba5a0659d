namespace TeGen.Client.Auth;

/// <summary>A TE access token with its expiry. <see cref="ToString"/> never shows the token itself.</summary>
public sealed class AccessToken
{
    /// <summary>Creates a token.</summary>
    /// <param name="value">The bearer token.</param>
    /// <param name="expiresAt">When TE stops accepting it.</param>
    /// <param name="refreshToken">The refresh token TE issued with it, if any.</param>
    /// <param name="scope">The scopes TE granted, space-separated.</param>
    public AccessToken(string value, DateTimeOffset expiresAt, string? refreshToken = null, string? scope = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Value = value;
        ExpiresAt = expiresAt;
        RefreshToken = refreshToken;
        Scope = scope;
    }

    /// <summary>The bearer token sent as <c>Authorization: Bearer ...</c>.</summary>
    public string Value { get; }

    /// <summary>When TE stops accepting the token.</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <summary>The refresh token TE issued with this token (authorization-code sessions), if any.</summary>
    public string? RefreshToken { get; }

    /// <summary>The scopes TE granted, space-separated.</summary>
    public string? Scope { get; }

    /// <summary>Describes the token without revealing it.</summary>
    public override string ToString() => $"AccessToken(expires {ExpiresAt:u}, scope '{Scope}', refresh token {(RefreshToken is null ? "no" : "yes")})";
}
