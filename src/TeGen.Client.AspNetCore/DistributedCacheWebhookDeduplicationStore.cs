using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Options;

namespace TeGen.Client.AspNetCore;

/// <summary>
/// The latest hash value per record in an <see cref="IDistributedCache"/> (Redis, SQL Server, ...), shared by every
/// instance of the receiver, each entry expiring <see cref="TotalExpertWebhookOptions.DeduplicationWindow"/> after it
/// was last written. Reading and writing are two calls: two instances receiving the same notification at the same
/// moment may both deliver it.
/// </summary>
public sealed class DistributedCacheWebhookDeduplicationStore : ITotalExpertWebhookDeduplicationStore
{
    private readonly IDistributedCache _cache;
    private readonly TimeSpan _window;

    /// <summary>Creates the store.</summary>
    /// <param name="cache">The shared cache.</param>
    /// <param name="options">The receiver's options (the window).</param>
    public DistributedCacheWebhookDeduplicationStore(IDistributedCache cache, IOptions<TotalExpertWebhookOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _cache = cache ?? throw new ArgumentNullException(nameof(cache));
        _window = options.Value.DeduplicationWindow;
    }

    /// <inheritdoc />
    public async ValueTask<bool> IsNewAsync(string item, long id, string hashValue, CancellationToken cancellationToken)
    {
        var key = $"tegen:te-webhook:{item.ToUpperInvariant()}:{id}";
        var latest = await _cache.GetStringAsync(key, cancellationToken).ConfigureAwait(false);
        await _cache.SetStringAsync(key, hashValue, new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = _window }, cancellationToken).ConfigureAwait(false);
        return !string.Equals(latest, hashValue, StringComparison.OrdinalIgnoreCase);
    }
}
