using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace TeGen.Client.AspNetCore;

/// <summary>
/// The latest hash value per record, in this process's memory, each forgotten
/// <see cref="TotalExpertWebhookOptions.DeduplicationWindow"/> after it was last seen.
/// </summary>
public sealed class InMemoryWebhookDeduplicationStore : ITotalExpertWebhookDeduplicationStore
{
    private readonly ConcurrentDictionary<(string Item, long Id), (string Hash, DateTimeOffset Seen)> _latest = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _window;
    private DateTimeOffset _nextSweep;

    /// <summary>Creates the store.</summary>
    /// <param name="options">The receiver's options (the window).</param>
    /// <param name="time">The clock.</param>
    public InMemoryWebhookDeduplicationStore(IOptions<TotalExpertWebhookOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _window = options.Value.DeduplicationWindow;
        _nextSweep = time.GetUtcNow() + _window;
    }

    /// <inheritdoc />
    public ValueTask<bool> IsNewAsync(string item, long id, string hashValue, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var key = (item.ToUpperInvariant(), id);
        var isNew = !(_latest.TryGetValue(key, out var latest) && now - latest.Seen < _window && string.Equals(latest.Hash, hashValue, StringComparison.OrdinalIgnoreCase));
        _latest[key] = (hashValue, now);

        // Forgotten records are swept once per window, so memory follows the records seen recently.
        if (now >= _nextSweep)
        {
            _nextSweep = now + _window;
            foreach (var (stale, _) in _latest.Where(entry => now - entry.Value.Seen >= _window))
            {
                _latest.TryRemove(stale, out _);
            }
        }

        return ValueTask.FromResult(isNew);
    }
}
