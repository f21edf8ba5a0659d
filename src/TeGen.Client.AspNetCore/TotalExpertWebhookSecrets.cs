using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace TeGen.Client.AspNetCore;

/// <summary>
/// The secrets the receiver accepts: the current one and, for <see cref="TotalExpertWebhookOptions.RotationWindow"/>
/// after a rotation, the previous one. Compared in constant time. Inject it to rotate: call <see cref="Rotate"/> when
/// (just before) the subscription's secret is changed at TE.
/// </summary>
public sealed class TotalExpertWebhookSecrets
{
    private readonly TimeProvider _time;
    private readonly TimeSpan _window;
    private readonly object _gate = new();
    private byte[] _current;
    private byte[]? _previous;
    private DateTimeOffset? _previousUntil;

    /// <summary>Creates the secrets from the options.</summary>
    /// <param name="options">The receiver's options.</param>
    /// <param name="time">The clock that ends the rotation window.</param>
    public TotalExpertWebhookSecrets(IOptions<TotalExpertWebhookOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _time = time ?? throw new ArgumentNullException(nameof(time));
        var settings = options.Value;
        _window = settings.RotationWindow;
        _current = Digest(settings.Secret);
        if (settings.PreviousSecret is { Length: > 0 } previous)
        {
            _previous = Digest(previous);
            _previousUntil = settings.PreviousSecretValidUntil;
        }
    }

    /// <summary>Makes <paramref name="newSecret"/> the current secret; the one it replaces stays accepted for the rotation window.</summary>
    /// <param name="newSecret">The secret the subscription now has (or is about to have) at TE.</param>
    public void Rotate(string newSecret)
    {
        ArgumentException.ThrowIfNullOrEmpty(newSecret);
        var digest = Digest(newSecret);
        lock (_gate)
        {
            _previous = _current;
            _previousUntil = _time.GetUtcNow() + _window;
            _current = digest;
        }
    }

    // Both comparisons always run, on SHA-256 digests (equal lengths), so the time taken says nothing about the secret.
    internal bool Accepts(string? presented)
    {
        var digest = Digest(presented ?? "");
        byte[] current;
        byte[]? previous;
        DateTimeOffset? until;
        lock (_gate)
        {
            (current, previous, until) = (_current, _previous, _previousUntil);
        }

        var matchesCurrent = CryptographicOperations.FixedTimeEquals(digest, current);
        var matchesPrevious = CryptographicOperations.FixedTimeEquals(digest, previous ?? current) && previous is not null && (until is null || _time.GetUtcNow() < until);
        return matchesCurrent | matchesPrevious;
    }

    private static byte[] Digest(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));
}
