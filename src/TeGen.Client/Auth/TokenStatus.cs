namespace TeGen.Client.Auth;

/// <summary>Where one credential's TE token stands (see <see cref="TotalExpertTokenProvider.GetStatusAsync"/>).</summary>
/// <param name="Credential">The client id and grant (client credentials with its scopes, or the user key); no secret.</param>
/// <param name="ValidUntil">When the cached token expires; <c>null</c> when there is no valid token.</param>
/// <param name="RenewFrom">From when the token is renewed early if the budget allows (its expiry less the renewal margin).</param>
/// <param name="AvailableAt">From when a call can have a token: now when one is valid or a token request is free, otherwise when the egress's budget frees one.</param>
public sealed record TokenStatus(string Credential, DateTimeOffset? ValidUntil, DateTimeOffset? RenewFrom, DateTimeOffset AvailableAt);
