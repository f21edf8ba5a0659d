using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace TeGen.Client.Auth;

/// <summary>
/// Hands out a TE access token for one credential (client id + grant/user): reuses the cached token for its
/// lifetime, renews it <see cref="TotalExpertClientOptions.TokenRenewalMargin"/> before expiry, lets concurrent
/// callers share one in-flight request, and never exceeds the token-request budget.
/// </summary>
public sealed class TotalExpertTokenProvider
{
    private readonly TokenEndpointClient _endpoint;
    private readonly TokenGrant _grant;
    private readonly ITokenStore _store;
    private readonly TokenBudget _budget;
    private readonly string _key;
    private readonly ILogger _logger;
    private volatile AccessToken? _current;

    internal TotalExpertTokenProvider(TokenEndpointClient endpoint, TokenGrant grant, ITokenStore store, ILogger? logger = null)
    {
        _endpoint = endpoint;
        _grant = grant;
        _store = store;
        var options = endpoint.Options;
        _key = TokenStoreKeys.Token(options.BaseUrl, options.ClientId!, grant.Subject);
        _budget = TokenBudget.For(endpoint, store);
        _logger = logger ?? NullLogger.Instance;
    }

    private TimeProvider Time => _endpoint.Time;

    private TimeSpan Margin => _endpoint.Options.TokenRenewalMargin;

    /// <summary>Returns a token valid for at least the renewal margin, requesting one only when needed.</summary>
    /// <param name="cancellationToken">Cancels the wait (an in-flight request continues for the other callers).</param>
    /// <exception cref="TokenBudgetExceededException">A new token is needed and the hourly budget is spent.</exception>
    /// <exception cref="TotalExpertAuthenticationException">TE refused the credentials.</exception>
    public async ValueTask<AccessToken> GetTokenAsync(CancellationToken cancellationToken = default)
    {
        var current = _current;
        if (IsFresh(current))
        {
            return current!;
        }

        using var _ = await SingleFlight.EnterAsync(_key, cancellationToken).ConfigureAwait(false);
        var cached = await ReadAsync(cancellationToken).ConfigureAwait(false);
        if (IsFresh(cached))
        {
            return _current = cached!;
        }

        if (await _budget.TryReserveAsync(cancellationToken).ConfigureAwait(false) is { } nextAllowed)
        {
            if (cached is not null && Time.GetUtcNow() < cached.ExpiresAt)
            {
                // Early renewal is a nicety; a still-valid token is better than an error.
                return _current = cached;
            }

            _logger.LogWarning("TE token budget spent ({Max}/hour); next token request allowed at {NextAllowedAt:u}", _budget.MaxPerHour, nextAllowed);
            throw new TokenBudgetExceededException(nextAllowed, _budget.MaxPerHour, Time.GetUtcNow());
        }

        _logger.LogInformation("Requesting a TE access token ({Grant})", _grant is ClientCredentialsGrant ? "client_credentials" : "refresh_token");
        var token = await _grant.RequestAsync(_endpoint, cached, cancellationToken).ConfigureAwait(false);
        await StoreAsync(token, cancellationToken).ConfigureAwait(false);
        _logger.LogInformation("Obtained a TE access token valid until {ExpiresAt:u}", token.ExpiresAt);
        return token;
    }

    /// <summary>
    /// Forgets <paramref name="rejected"/> after TE refused it (401), so the next <see cref="GetTokenAsync"/> renews.
    /// A token already replaced by another caller is left alone, so a burst of 401s causes one renewal.
    /// </summary>
    /// <param name="rejected">The token TE refused.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async ValueTask InvalidateAsync(string rejected, CancellationToken cancellationToken = default)
    {
        using var _ = await SingleFlight.EnterAsync(_key, cancellationToken).ConfigureAwait(false);
        var cached = await ReadAsync(cancellationToken).ConfigureAwait(false);
        if (cached?.Value != rejected)
        {
            _current = cached;
        }
        else if (cached.RefreshToken is null)
        {
            await _store.RemoveAsync(_key, cancellationToken).ConfigureAwait(false);
            _current = null;
        }
        else
        {
            // Keep the refresh token: a user session is renewed with it.
            await StoreAsync(new AccessToken(cached.Value, DateTimeOffset.UnixEpoch, cached.RefreshToken, cached.Scope), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Stores a token obtained elsewhere for this credential (the authorization-code exchange).</summary>
    internal async ValueTask StoreAsync(AccessToken token, CancellationToken cancellationToken)
    {
        var entry = new StoredToken(token.Value, token.ExpiresAt.ToUnixTimeSeconds(), token.RefreshToken, token.Scope);
        // A refresh token outlives its access token (2 weeks); keep the entry while either is useful.
        var keepUntil = token.RefreshToken is null ? token.ExpiresAt : Time.GetUtcNow().AddDays(14);
        await _store.SetAsync(_key, JsonSerializer.Serialize(entry), keepUntil, cancellationToken).ConfigureAwait(false);
        _current = token;
    }

    private bool IsFresh(AccessToken? token) => token is not null && Time.GetUtcNow() < token.ExpiresAt - Margin;

    private async ValueTask<AccessToken?> ReadAsync(CancellationToken cancellationToken)
    {
        var json = await _store.GetAsync(_key, cancellationToken).ConfigureAwait(false);
        if (json is null)
        {
            return null;
        }

        try
        {
            var entry = JsonSerializer.Deserialize<StoredToken>(json);
            return entry is null || string.IsNullOrEmpty(entry.AccessToken)
                ? null
                : new AccessToken(entry.AccessToken, DateTimeOffset.FromUnixTimeSeconds(entry.ExpiresAt), entry.RefreshToken, entry.Scope);
        }
        catch (JsonException)
        {
            _logger.LogWarning("Ignoring an unreadable cached TE token entry");
            return null;
        }
    }

    private sealed record StoredToken(string AccessToken, long ExpiresAt, string? RefreshToken, string? Scope);
}
