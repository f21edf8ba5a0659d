namespace TeGen.Client.Auth;

/// <summary>
/// A token-request budget kept as a log the store updates atomically (the Redis store of TeGen.Client.Redis does it in one
/// script), so that processes sharing it never lose a count, whatever their timing. A token store that implements it
/// keeps budgets this way; any other store keeps them as an entry rewritten under the in-process gate and, when it has
/// one, its <see cref="ITokenStoreLock"/>.
/// </summary>
public interface ITokenBudgetLog
{
    /// <summary>
    /// In one atomic step: forgets the requests of <paramref name="key"/> older than <paramref name="window"/> before
    /// <paramref name="at"/> and, when fewer than <paramref name="limit"/> − <paramref name="keepFree"/> remain, records one
    /// at <paramref name="at"/> under <paramref name="id"/>.
    /// </summary>
    /// <param name="key">The budget's key.</param>
    /// <param name="id">A unique id for the request, to remove it later.</param>
    /// <param name="at">The request's time.</param>
    /// <param name="window">How long a request counts (an hour).</param>
    /// <param name="limit">Requests allowed in the window.</param>
    /// <param name="keepFree">Requests to leave to others (held for credentials whose turn comes first).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Whether the request was recorded, and the requests of the window, oldest first, this one included.</returns>
    ValueTask<TokenBudgetRecording> TryRecordAsync(string key, string id, DateTimeOffset at, TimeSpan window, int limit, int keepFree, CancellationToken cancellationToken);

    /// <summary>Removes the request recorded under <paramref name="id"/>, if still there (one TE cannot have counted).</summary>
    /// <param name="key">The budget's key.</param>
    /// <param name="id">The id given to <see cref="TryRecordAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    ValueTask RemoveAsync(string key, string id, CancellationToken cancellationToken);

    /// <summary>The requests of the window before <paramref name="now"/>, oldest first.</summary>
    /// <param name="key">The budget's key.</param>
    /// <param name="now">The current time.</param>
    /// <param name="window">How long a request counts.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    ValueTask<IReadOnlyList<DateTimeOffset>> ReadAsync(string key, DateTimeOffset now, TimeSpan window, CancellationToken cancellationToken);
}
