using System.Collections.Concurrent;

namespace TeGen.Client.Auth;

/// <summary>
/// Keeps tokens in memory. <see cref="Shared"/> is the process-wide default, so every client in a process that
/// uses the same credentials shares one token.
/// </summary>
public sealed class InMemoryTokenStore : ITokenStore
{
    private readonly ConcurrentDictionary<string, string> _entries = new(StringComparer.Ordinal);

    /// <summary>The store every client uses unless told otherwise.</summary>
    public static InMemoryTokenStore Shared { get; } = new();

    /// <inheritdoc />
    public ValueTask<string?> GetAsync(string key, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_entries.TryGetValue(key, out var value) ? value : null);

    /// <inheritdoc />
    public ValueTask SetAsync(string key, string value, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        _entries[key] = value;
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask RemoveAsync(string key, CancellationToken cancellationToken = default)
    {
        _entries.TryRemove(key, out _);
        return ValueTask.CompletedTask;
    }
}
