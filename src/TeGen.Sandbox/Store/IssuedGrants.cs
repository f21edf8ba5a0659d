namespace TeGen.Sandbox.Store;

// UserId null = a client-credentials grant, which acts As Admin.
internal sealed record IssuedToken(string ClientId, long? UserId, IReadOnlyList<string> Scopes, DateTimeOffset ExpiresAt);

internal sealed record AuthorizationCode(string ClientId, long UserId, IReadOnlyList<string> Scopes, string? RedirectUri, DateTimeOffset ExpiresAt);
