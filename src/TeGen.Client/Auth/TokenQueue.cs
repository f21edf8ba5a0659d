namespace TeGen.Client.Auth;

/// <summary>
/// Takes turns at one budget's token requests among the credentials that draw on it, so that when more credentials need
/// a token than the hour allows, each is refused in turn rather than the same one every hour (with calls made in a
/// fixed order, whoever calls first would otherwise always win). A credential that needs a token now goes behind every
/// other credential that needs one now and has been served fewer times (or as often, but longer ago) — deficit
/// round-robin on the count of tokens served. Kept with the token store's gates, in this process; a credential that has
/// not asked for <see cref="Forgotten"/> is forgotten, so a removed organization cannot hold requests back.
/// </summary>
internal sealed class TokenQueue
{
    /// <summary>How long a credential that stops asking keeps its place: a token's hour and a quarter more.</summary>
    public static readonly TimeSpan Forgotten = TimeSpan.FromMinutes(75);

    // A token's documented lifetime: until then a credential just served needs no other.
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(1);

    private readonly object _gate = new();
    private readonly Dictionary<string, Turn> _known = new(StringComparer.Ordinal);
    private long _servedSequence;

    /// <summary>How many other credentials need a token now and come before <paramref name="claimant"/>.</summary>
    public int Ahead(string claimant, DateTimeOffset now)
    {
        lock (_gate)
        {
            foreach (var stale in _known.Where(k => now - k.Value.LastAsked > Forgotten).Select(k => k.Key).ToList())
            {
                _known.Remove(stale);
            }

            var mine = _known.GetValueOrDefault(claimant, Turn.Newcomer);
            return _known.Count(k => k.Key != claimant && k.Value.NeedsFrom <= now && k.Value.ComesBefore(mine));
        }
    }

    /// <summary>Records that <paramref name="claimant"/> needs a token now and was refused.</summary>
    public void Refused(string claimant, DateTimeOffset now)
    {
        lock (_gate)
        {
            _known[claimant] = _known.GetValueOrDefault(claimant, Turn.Newcomer) with { LastAsked = now, NeedsFrom = now };
        }
    }

    /// <summary>Records that <paramref name="claimant"/> was granted a token request.</summary>
    public void Served(string claimant, DateTimeOffset now)
    {
        lock (_gate)
        {
            var turn = _known.GetValueOrDefault(claimant, Turn.Newcomer);
            _known[claimant] = new Turn(turn.Served + 1, ++_servedSequence, now, now + TokenLifetime);
        }
    }

    private sealed record Turn(long Served, long LastServed, DateTimeOffset LastAsked, DateTimeOffset NeedsFrom)
    {
        public static Turn Newcomer { get; } = new(0, 0, DateTimeOffset.MinValue, DateTimeOffset.MinValue);

        public bool ComesBefore(Turn other) => Served < other.Served || (Served == other.Served && LastServed < other.LastServed);
    }
}
