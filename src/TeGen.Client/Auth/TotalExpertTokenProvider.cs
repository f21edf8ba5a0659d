using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TeGen.Client.Diagnostics;

namespace TeGen.Client.Auth;

/// <summary>
/// Hands out a TE access token for one credential (client id + grant/user): reuses the cached token for its
/// lifetime, renews it <see cref="TokenOptions.RenewalMargin"/> before expiry, lets concurrent
/// callers share one in-flight request, and never exceeds the token-request budget.
/// </summary>
public sealed class TotalExpertTokenProvider
{
    private readonly TokenEndpointClient _endpoint;
    private readonly TokenGrant _grant;
    private readonly ITokenStore _store;
    private readonly TokenBudget _budget;
    private readonly string _key;
    private readonly SingleFlight _gates;
    private readonly bool _sharedBudget;
    private readonly ILogger _logger;
    private volatile AccessToken? _current;

    // The last failed token request, kept so that a budget spent on failures says why.
    private volatile TotalExpertApiException? _lastFailure;

    internal TotalExpertTokenProvider(TokenEndpointClient endpoint, TokenGrant grant, ITokenStore store, ILogger? logger = null, bool sharedBudget = false)
    {
        _sharedBudget = sharedBudget;
        _endpoint = endpoint;
        _grant = grant;
        _store = store;
        var options = endpoint.Options;
        _key = TokenStoreKeys.Token(options.BaseUrl, options.ClientId!, grant.Subject);
        _gates = SingleFlight.For(store);
        _budget = TokenBudget.For(endpoint, store, logger);
        _logger = logger ?? NullLogger.Instance;
    }

    private TimeProvider Time => _endpoint.Time;

    private TimeSpan Margin => _endpoint.Options.Tokens.RenewalMargin;

    /// <summary>Returns a token valid for at least the renewal margin, requesting one only when needed.</summary>
    /// <param name="cancellationToken">Cancels the wait (an in-flight request continues for the other callers).</param>
    /// <exception cref="TokenBudgetExceededException">A new token is needed and the hourly budget is spent.</exception>
    /// <exception cref="TotalExpertAuthenticationException">TE refused the credentials, or a user has no stored session.</exception>
    /// <exception cref="TotalExpertApiException">The token request failed (server error, transport, timeout, unreadable answer).</exception>
    public async ValueTask<AccessToken> GetTokenAsync(CancellationToken cancellationToken = default)
    {
        var current = _current;
        if (IsFresh(current))
        {
            return current!;
        }

        // Callers that waited while the one before them renewed find its token here, without the store's lock or a
        // read of the store: one renewal costs the shared store (Redis, files) one lock and one read per process.
        await using var _ = await _gates.EnterAsync(_key, cancellationToken, servedInProcess: () => IsFresh(_current)).ConfigureAwait(false);
        if (IsFresh(_current))
        {
            return _current!;
        }

        var cached = await ReadAsync(cancellationToken).ConfigureAwait(false);
        if (IsFresh(cached))
        {
            return _current = cached!;
        }

        // Checked before the budget: a request that cannot be made must not cost a slot.
        _grant.EnsureCanRequest(cached);

        // An early renewal (the cached token is still valid) can wait: on a budget other credentials share, it leaves
        // the last request of the hour to a caller that has no token at all (another organization, a user signing in).
        var canWait = cached is not null && Time.GetUtcNow() < cached.ExpiresAt;
        var reservation = await _budget.TryReserveAsync(_key, cancellationToken, keepFree: canWait && _sharedBudget ? 1 : 0).ConfigureAwait(false);
        if (reservation.NextAllowedAt is { } nextAllowed)
        {
            if (canWait)
            {
                // Early renewal is a nicety; a still-valid token is better than an error.
                return _current = cached!;
            }

            TeGenTelemetry.TokenRequestsRefused.Add(1);
            _logger.LogWarning("TE token budget spent ({Max}/hour); next token request allowed at {NextAllowedAt:u}", _budget.MaxPerHour, nextAllowed);
            throw new TokenBudgetExceededException(nextAllowed, _budget.MaxPerHour, Time.GetUtcNow(), _lastFailure);
        }

        _logger.LogInformation("Requesting a TE access token ({Grant})", _grant is ClientCredentialsGrant ? "client_credentials" : "refresh_token");
        var token = await _budget.SpendAsync(
            reservation,
            ct => _grant.RequestAsync(_endpoint, cached, ct),
            failure => _lastFailure = failure,
            cancellationToken).ConfigureAwait(false);
        _lastFailure = null;
        await StoreAsync(token, cancellationToken).ConfigureAwait(false);
        _logger.LogInformation("Obtained a TE access token valid until {ExpiresAt:u}", token.ExpiresAt);
        return token;
    }

    /// <summary>
    /// Where this credential's token stands without requesting one: until when the cached token is valid, and from when
    /// a call can have a token (now when the cached one is valid or the budget has a request free; otherwise when the
    /// budget frees one). A diagnostics view: nothing is sent and nothing is reserved.
    /// </summary>
    /// <param name="cancellationToken">Cancels the read of the store.</param>
    public async ValueTask<TokenStatus> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        var now = Time.GetUtcNow();
        var cached = _current is { } current && current.ExpiresAt > now ? current : await PeekAsync(cancellationToken).ConfigureAwait(false);
        var valid = cached is not null && now < cached.ExpiresAt ? cached : null;
        var recent = await _budget.ReadRecentAsync(cancellationToken).ConfigureAwait(false);
        return new TokenStatus(
            $"{_endpoint.Options.ClientId} {_grant.Subject}",
            valid?.ExpiresAt,
            valid is null ? null : valid.ExpiresAt - Margin,
            valid is not null ? now : _budget.NextAllowedFor(_key, recent, now));
    }

    /// <summary>
    /// Forgets <paramref name="rejected"/> after TE refused it (401), so the next <see cref="GetTokenAsync"/> renews.
    /// A token already replaced by another caller is left alone, so a burst of 401s causes one renewal.
    /// </summary>
    /// <param name="rejected">The token TE refused.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async ValueTask InvalidateAsync(string rejected, CancellationToken cancellationToken = default)
    {
        await using var _ = await _gates.EnterAsync(_key, cancellationToken).ConfigureAwait(false);
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

    private bool IsFresh(AccessToken? token) => token is not null && Time.GetUtcNow() + Margin < token.ExpiresAt;

    private async ValueTask<AccessToken?> ReadAsync(CancellationToken cancellationToken)
    {
        var json = await _store.GetAsync(_key, cancellationToken).ConfigureAwait(false);
        if (json is null)
        {
            return null;
        }

        if (Parse(json) is { } token)
        {
            return token;
        }

        // A damaged entry is dropped: the next call requests one token (a user session has to sign in again).
        _logger.LogWarning("Discarding a damaged cached TE token entry");
        await _store.RemoveAsync(_key, cancellationToken).ConfigureAwait(false);
        return null;
    }

    // Reads the cached token without changing the store (a damaged entry reads as none).
    private async ValueTask<AccessToken?> PeekAsync(CancellationToken cancellationToken) =>
        await _store.GetAsync(_key, cancellationToken).ConfigureAwait(false) is { } json ? Parse(json) : null;

    private static AccessToken? Parse(string json)
    {
        try
        {
            var entry = JsonSerializer.Deserialize<StoredToken>(json);
            if (entry is { AccessToken.Length: > 0, ExpiresAt: >= 0 and <= LatestExpiry })
            {
                return new AccessToken(entry.AccessToken, DateTimeOffset.FromUnixTimeSeconds(entry.ExpiresAt), entry.RefreshToken, entry.Scope);
            }
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or ArgumentException)
        {
        }

        return null;
    }

    // The last second DateTimeOffset can hold, less a day so that arithmetic on it cannot overflow.
    private const long LatestExpiry = 253_402_300_799 - 86_400;

    private sealed record StoredToken(string AccessToken, long ExpiresAt, string? RefreshToken, string? Scope);
}
