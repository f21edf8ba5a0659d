using System.Security.Cryptography;

namespace TeGen.Client.Auth;

/// <summary>
/// TE's authorization-code flow, for acting "as User": send the user to <see cref="BuildAuthorizeUrl"/>, check the
/// <c>state</c> TE sends back, then <see cref="ExchangeCodeAsync"/> stores the user's session (access and refresh
/// token, atomically) under a key of your choosing; a <see cref="TotalExpertUserClient"/> for that key uses and
/// renews it.
/// </summary>
public sealed class AuthorizationCodeFlow
{
    private readonly TotalExpertClientOptions _options;
    private readonly TotalExpertConnection _connection;

    internal AuthorizationCodeFlow(TotalExpertConnection connection)
    {
        _connection = connection;
        _options = connection.Options;
    }

    /// <summary>A fresh, unguessable <c>state</c> value; keep it in the user's session and compare it on return.</summary>
    public static string NewState() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>The <c>/v1/authorize</c> URL to redirect the user to.</summary>
    /// <param name="redirectUri">Where TE sends the user back; must be registered with TE for this client id.</param>
    /// <param name="state">An unguessable value echoed back (see <see cref="NewState"/>), to tie the answer to the request.</param>
    /// <param name="scopes">Scopes to ask for; default <see cref="TotalExpertClientOptions.Scopes"/>.</param>
    public Uri BuildAuthorizeUrl(Uri redirectUri, string state, IEnumerable<string>? scopes = null)
    {
        ArgumentNullException.ThrowIfNull(redirectUri);
        ArgumentException.ThrowIfNullOrWhiteSpace(state);
        var scope = string.Join(' ', scopes ?? _options.Scopes);
        var query = string.Join('&',
            $"response_type=code",
            $"client_id={Uri.EscapeDataString(_options.ClientId!)}",
            $"redirect_uri={Uri.EscapeDataString(redirectUri.AbsoluteUri)}",
            $"scope={Uri.EscapeDataString(scope)}",
            $"state={Uri.EscapeDataString(state)}");
        return new Uri(_options.NormalizedBaseUrl, "v1/authorize?" + query);
    }

    /// <summary>
    /// Exchanges the code TE returned for the user's tokens and stores them under <paramref name="userKey"/>.
    /// Counts as one of the hourly token requests.
    /// </summary>
    /// <param name="userKey">Your stable id for this TE user (e.g. your own user id); not sent to TE.</param>
    /// <param name="code">The <c>code</c> query parameter TE returned.</param>
    /// <param name="redirectUri">The redirect URI used on <c>/v1/authorize</c>, when it was a dynamic one.</param>
    /// <param name="cancellationToken">Cancels the exchange.</param>
    /// <returns>A client acting as that user.</returns>
    /// <exception cref="TokenBudgetExceededException">The hourly token budget is spent; nothing was sent.</exception>
    /// <exception cref="TotalExpertAuthenticationException">TE refused the code (<c>invalid_grant</c>) or the client.</exception>
    public async Task<TotalExpertUserClient> ExchangeCodeAsync(string userKey, string code, Uri? redirectUri = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        var provider = _connection.UserTokenProvider(userKey);
        var budget = _connection.Budget();
        // The user is at the sign-in page now and the code lives minutes: the exchange does not wait its turn.
        var reservation = await budget.TryReserveAsync(claimant: null, cancellationToken).ConfigureAwait(false);
        if (reservation.NextAllowedAt is { } nextAllowed)
        {
            throw new TokenBudgetExceededException(nextAllowed, budget.MaxPerHour, _connection.Time.GetUtcNow());
        }

        var token = await budget.SpendAsync(
            reservation,
            ct => _connection.TokenEndpoint.RequestAsync(
                new TokenRequest { GrantType = TokenGrantType.AuthorizationCode, Code = code, RedirectUri = redirectUri?.AbsoluteUri }, ct),
            static _ => { },
            cancellationToken).ConfigureAwait(false);
        await provider.StoreAsync(token, cancellationToken).ConfigureAwait(false);
        return new TotalExpertUserClient(_connection, userKey);
    }
}
