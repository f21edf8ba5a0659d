using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace TeGen.Client.Auth;

/// <summary>
/// Counts token requests over a rolling hour per egress (or per client id, see
/// <see cref="TokenOptions.CountedPer"/>), in the token store, so the count survives restarts
/// and is shared by every connection and process using that store: atomically when the store keeps budgets as a log
/// (<see cref="ITokenBudgetLog"/>), otherwise rewritten under the store's cross-process lock when it has one. A damaged entry is discarded with a warning and replaced by one
/// that allows exactly one more request this hour: damage costs at most one token request and never locks the
/// client out.
/// </summary>
internal sealed class TokenBudget(ITokenStore store, string key, int maxPerHour, bool countFailed, TimeProvider time, ILogger? logger = null)
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);

    // Clocks of processes sharing a store differ a little; a request "from the future" beyond this is damage.
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private readonly ILogger _logger = logger ?? NullLogger.Instance;
    private readonly SingleFlight _gates = SingleFlight.For(store);
    private readonly TokenQueue _queue = SingleFlight.For(store).Queue(key);
    private readonly ITokenBudgetLog? _log = store as ITokenBudgetLog;

    public int MaxPerHour { get; } = maxPerHour;

    /// <summary>The budget of the endpoint's egress (or client id), kept in <paramref name="store"/>.</summary>
    public static TokenBudget For(TokenEndpointClient endpoint, ITokenStore store, ILogger? logger = null) =>
        new(store, TokenStoreKeys.Budget(endpoint.Options), endpoint.Options.Tokens.MaxRequestsPerHour, endpoint.Options.Tokens.CountFailedRequests, endpoint.Time, logger);

    /// <summary>
    /// Records a token request for <paramref name="claimant"/> if the budget allows one; otherwise says when it will. A
    /// request that can wait (the renewal of a token still valid) asks to leave <paramref name="keepFree"/> requests free,
    /// so that a caller with no token at all (another organization, a user signing in) is not refused for an early
    /// renewal's sake; and other credentials that need a token now and whose turn comes first (<see cref="TokenQueue"/>) go first. A
    /// <c>null</c> <paramref name="claimant"/> neither waits its turn nor keeps a place: a user at the sign-in page, whose
    /// authorization code lives minutes, cannot come back in an hour.
    /// </summary>
    public async ValueTask<Reservation> TryReserveAsync(string? claimant, CancellationToken cancellationToken, int keepFree = 0)
    {
        // An atomic log needs no lock across processes; an entry rewritten in place does.
        await using var _ = await _gates.EnterAsync(key, cancellationToken, crossProcess: _log is null).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var held = keepFree + (claimant is null ? 0 : _queue.Ahead(claimant, now));
        var (recorded, recent, id) = await RecordAsync(now, held, cancellationToken).ConfigureAwait(false);
        if (!recorded)
        {
            // An early renewal does not queue: its token still works, and its place would hold back those that need one.
            if (keepFree == 0 && claimant is not null)
            {
                _queue.Refused(claimant, now);
            }

            return new Reservation(now, NextAllowedAt(recent, now, held));
        }

        if (claimant is not null)
        {
            _queue.Served(claimant, now);
        }

        return new Reservation(now, null, id);
    }

    /// <summary>When <paramref name="claimant"/>, having no token, could have a token request, given the requests of the last hour and who waits before it.</summary>
    public DateTimeOffset NextAllowedFor(string claimant, IReadOnlyList<DateTimeOffset> recent, DateTimeOffset now) =>
        NextAllowedAt(recent, now, _queue.Ahead(claimant, now));

    /// <summary>Gives back a reservation whose request TE cannot have counted (or, by configuration, is not counted).</summary>
    public async ValueTask ReleaseAsync(Reservation reservation, CancellationToken cancellationToken)
    {
        if (_log is not null)
        {
            await _log.RemoveAsync(key, reservation.Id!, cancellationToken).ConfigureAwait(false);
            return;
        }

        await using var _ = await _gates.EnterAsync(key, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var recent = await RecentAsync(now, cancellationToken).ConfigureAwait(false);
        if (recent.Remove(DateTimeOffset.FromUnixTimeMilliseconds(reservation.At.ToUnixTimeMilliseconds())))
        {
            await WriteAsync(recent, now, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Sends the reserved request. When it fails in a way TE cannot have counted (the connection was never made) — or,
    /// unless <see cref="TokenOptions.CountFailedRequests"/> is set, with a server error, a timeout
    /// or a broken connection — the reservation is given back, so a failing token endpoint does not lock the client out
    /// for the hour. <paramref name="failed"/> sees every failure.
    /// </summary>
    public async Task<T> SpendAsync<T>(Reservation reservation, Func<CancellationToken, Task<T>> send, Action<TotalExpertApiException> failed, CancellationToken cancellationToken)
    {
        try
        {
            return await send(cancellationToken).ConfigureAwait(false);
        }
        catch (TotalExpertApiException e)
        {
            failed(e);
            if (IsUncounted(e))
            {
                await ReleaseAsync(reservation, CancellationToken.None).ConfigureAwait(false);
            }

            throw;
        }
    }

    /// <summary>The token requests of the last hour, oldest first, as the store records them.</summary>
    public async ValueTask<IReadOnlyList<DateTimeOffset>> ReadRecentAsync(CancellationToken cancellationToken) =>
        _log is not null
            ? await _log.ReadAsync(key, time.GetUtcNow(), Window, cancellationToken).ConfigureAwait(false)
            : await RecentAsync(time.GetUtcNow(), cancellationToken).ConfigureAwait(false);

    /// <summary>When a request leaving <paramref name="keepFree"/> free is allowed, given the requests of the last hour.</summary>
    public DateTimeOffset NextAllowedAt(IReadOnlyList<DateTimeOffset> recent, DateTimeOffset now, int keepFree = 0)
    {
        // The requests of the hour free up in order, and the ones held for others are taken again as they free: the
        // over-th freeing is recent[over] + 1 h, then the same slots an hour later, and so on.
        var over = recent.Count + keepFree - MaxPerHour;
        return over < 0 ? now : recent.Count == 0 ? now + Window : recent[over % recent.Count] + (Window * ((over / recent.Count) + 1));
    }

    private bool IsUncounted(TotalExpertApiException e) =>
        e is TotalExpertTransportException { MayHaveBeenProcessed: false }
        || (!countFailed && e is TotalExpertServerException or TotalExpertTransportException or TotalExpertTimeoutException);

    // Records a request at now unless the requests of the hour and those held for others leave none; the log's id when it keeps one.
    private async ValueTask<(bool Recorded, IReadOnlyList<DateTimeOffset> Recent, string? Id)> RecordAsync(DateTimeOffset now, int held, CancellationToken cancellationToken)
    {
        if (_log is not null)
        {
            var id = Guid.NewGuid().ToString("N");
            var outcome = await _log.TryRecordAsync(key, id, now, Window, MaxPerHour, held, cancellationToken).ConfigureAwait(false);
            return (outcome.Recorded, outcome.Recent, id);
        }

        var recent = await RecentAsync(now, cancellationToken).ConfigureAwait(false);
        if (recent.Count + held >= MaxPerHour)
        {
            return (false, recent, null);
        }

        recent.Add(now);
        await WriteAsync(recent, now, cancellationToken).ConfigureAwait(false);
        return (true, recent, null);
    }

    private ValueTask WriteAsync(List<DateTimeOffset> recent, DateTimeOffset now, CancellationToken cancellationToken) =>
        store.SetAsync(key, JsonSerializer.Serialize(recent.Select(at => at.ToUnixTimeMilliseconds())), now + Window, cancellationToken);

    // The requests of the last hour, oldest first.
    private async ValueTask<List<DateTimeOffset>> RecentAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        (await ReadAsync(now, cancellationToken).ConfigureAwait(false)).Where(at => now - at < Window).Order().ToList();

    private async ValueTask<IEnumerable<DateTimeOffset>> ReadAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var json = await store.GetAsync(key, cancellationToken).ConfigureAwait(false);
        if (json is null)
        {
            return [];
        }

        try
        {
            var times = (JsonSerializer.Deserialize<long[]>(json) ?? throw new JsonException("null")).Select(DateTimeOffset.FromUnixTimeMilliseconds).ToList();
            if (times.All(at => at <= now + ClockSkew))
            {
                return times;
            }
        }
        catch (Exception e) when (e is JsonException or ArgumentOutOfRangeException or NotSupportedException)
        {
        }

        // Unknown how many requests were really made: assume all but one, so one request can still go out this hour.
        _logger.LogWarning("Discarding a damaged TE token-budget entry; allowing one token request this hour");
        return Enumerable.Repeat(now, Math.Max(0, MaxPerHour - 1)).ToList();
    }

    /// <summary>The outcome of <see cref="TryReserveAsync"/>.</summary>
    /// <param name="At">When the request was reserved (or refused).</param>
    /// <param name="NextAllowedAt">When refused, when the next request is allowed; <c>null</c> when granted.</param>
    /// <param name="Id">The request's id in an <see cref="ITokenBudgetLog"/>, when the store keeps one.</param>
    internal readonly record struct Reservation(DateTimeOffset At, DateTimeOffset? NextAllowedAt, string? Id = null)
    {
        public bool Granted => NextAllowedAt is null;
    }
}
