using System.Text.Json;

namespace TeGen.Client.Auth;

/// <summary>
/// Counts token requests per client id over a rolling hour, in the token store, so the count survives restarts
/// and is shared by every process using that store.
/// </summary>
internal sealed class TokenBudget(ITokenStore store, string key, int maxPerHour, TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);

    public int MaxPerHour { get; } = maxPerHour;

    /// <summary>The budget of the endpoint's client id, kept in <paramref name="store"/>.</summary>
    public static TokenBudget For(TokenEndpointClient endpoint, ITokenStore store) =>
        new(store, TokenStoreKeys.Budget(endpoint.Options.BaseUrl, endpoint.Options.ClientId!), endpoint.Options.MaxTokenRequestsPerHour, endpoint.Time);

    /// <summary>Records a token request if the budget allows one; otherwise says when it will.</summary>
    public async ValueTask<DateTimeOffset?> TryReserveAsync(CancellationToken cancellationToken)
    {
        using var _ = await SingleFlight.EnterAsync(key, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var recent = (await ReadAsync(cancellationToken).ConfigureAwait(false)).Where(at => now - at < Window).Order().ToList();
        if (recent.Count >= MaxPerHour)
        {
            return recent[recent.Count - MaxPerHour] + Window;
        }

        recent.Add(now);
        await store.SetAsync(key, JsonSerializer.Serialize(recent.Select(at => at.ToUnixTimeMilliseconds())), now + Window, cancellationToken).ConfigureAwait(false);
        return null;
    }

    private async ValueTask<IEnumerable<DateTimeOffset>> ReadAsync(CancellationToken cancellationToken)
    {
        var json = await store.GetAsync(key, cancellationToken).ConfigureAwait(false);
        if (json is null)
        {
            return [];
        }

        try
        {
            return (JsonSerializer.Deserialize<long[]>(json) ?? []).Select(DateTimeOffset.FromUnixTimeMilliseconds);
        }
        catch (JsonException)
        {
            // A damaged entry must not lift the limit: assume the budget is spent for this hour.
            var now = time.GetUtcNow();
            return Enumerable.Repeat(now, MaxPerHour);
        }
    }
}
