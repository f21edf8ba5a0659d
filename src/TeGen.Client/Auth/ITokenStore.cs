namespace TeGen.Client.Auth;

/// <summary>
/// Where cached tokens (and the token-request budget) are kept, so that a new client instance, a restarted process
/// or another process reuses a token instead of spending one of TE's 2 token requests per hour.
/// Values are opaque strings that contain secrets: store them where only the service account can read them.
/// Implementations: <see cref="InMemoryTokenStore"/> (process-wide), <see cref="FileTokenStore"/>,
/// <see cref="DistributedCacheTokenStore"/>.
/// </summary>
public interface ITokenStore
{
    /// <summary>Reads a value, or <c>null</c> when there is none.</summary>
    /// <param name="key">The entry's key.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    ValueTask<string?> GetAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Writes a value atomically: a reader sees the old value or the new one, never a mix.</summary>
    /// <param name="key">The entry's key.</param>
    /// <param name="value">The value.</param>
    /// <param name="expiresAt">When the value stops being useful; stores may evict it then.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    ValueTask SetAsync(string key, string value, DateTimeOffset expiresAt, CancellationToken cancellationToken = default);

    /// <summary>Removes a value if present.</summary>
    /// <param name="key">The entry's key.</param>
    /// <param name="cancellationToken">Cancels the removal.</param>
    ValueTask RemoveAsync(string key, CancellationToken cancellationToken = default);
}
