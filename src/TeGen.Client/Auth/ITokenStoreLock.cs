namespace TeGen.Client.Auth;

/// <summary>
/// A lock that spans processes, offered by token stores that processes share (<see cref="FileTokenStore"/>, the Redis
/// store of TeGen.Client.Redis). TeGen holds it around a credential's token request, so that processes starting
/// together send one token request and the others read the token it stored, and around every update of a budget kept as
/// a store entry, so that no process overwrites another's count. A store without it coordinates within one process only.
/// </summary>
public interface ITokenStoreLock
{
    /// <summary>
    /// Waits until this caller holds the lock named <paramref name="key"/>; disposing the result releases it. A holder
    /// that dies must not block the others for long: the lock lapses with the process (a file lock) or after a lease that
    /// the holder renews while it lives (Redis).
    /// </summary>
    /// <param name="key">The store key the lock guards (a token's or a budget's); names no secret.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    ValueTask<IAsyncDisposable> LockAsync(string key, CancellationToken cancellationToken);
}
