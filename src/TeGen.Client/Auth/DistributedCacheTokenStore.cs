using Microsoft.Extensions.Caching.Distributed;

namespace TeGen.Client.Auth;

/// <summary>
/// Keeps tokens in an <see cref="IDistributedCache"/> (Redis, SQL Server, ...), so every process of a service
/// shares one token. Each set is a single cache write, so readers see the old or the new value.
/// </summary>
/// <param name="cache">The cache; its contents are secrets.</param>
public sealed class DistributedCacheTokenStore(IDistributedCache cache) : ITokenStore
{
    private readonly IDistributedCache _cache = cache ?? throw new ArgumentNullException(nameof(cache));

    /// <inheritdoc />
    public async ValueTask<string?> GetAsync(string key, CancellationToken cancellationToken = default) =>
        await _cache.GetStringAsync(key, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async ValueTask SetAsync(string key, string value, DateTimeOffset expiresAt, CancellationToken cancellationToken = default) =>
        await _cache.SetStringAsync(key, value, new DistributedCacheEntryOptions { AbsoluteExpiration = expiresAt }, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async ValueTask RemoveAsync(string key, CancellationToken cancellationToken = default) =>
        await _cache.RemoveAsync(key, cancellationToken).ConfigureAwait(false);
}
