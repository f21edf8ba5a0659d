using TeGen.Client.Http;

namespace TeGen.Client.Tests.Support;

/// <summary>
/// A shared permit log in memory, with the rules of the Redis one (permits free two windows after they are taken, one
/// window after they are counted), that a test takes down and brings back.
/// </summary>
internal sealed class FakeSharedLog(double fallbackShare = 0.25, int processes = 1) : ISharedRequestLog
{
    private readonly Dictionary<string, DateTimeOffset> _permits = [];

    public bool Down { get; set; }

    /// <summary>The permits added after an outage, as their freeing times.</summary>
    public List<DateTimeOffset> Added { get; } = [];

    public double FallbackShare => fallbackShare;

    public TimeSpan ProbeInterval => TimeSpan.FromSeconds(1);

    public int Held => _permits.Count;

    public ValueTask<SharedPermitAttempt> TryTakeAsync(string scope, string permit, string process, int limit, TimeSpan window, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_permits)
        {
            Check();
            foreach (var freed in _permits.Where(p => p.Value <= now).Select(p => p.Key).ToList())
            {
                _permits.Remove(freed);
            }

            if (_permits.Count + Added.Count(at => at > now) >= limit)
            {
                return ValueTask.FromResult(new SharedPermitAttempt(_permits.Values.Min() - now, processes));
            }

            _permits[permit] = now + window + window;
            return ValueTask.FromResult(new SharedPermitAttempt(TimeSpan.Zero, processes));
        }
    }

    public ValueTask CountAsync(string scope, string permit, DateTimeOffset freesAt, CancellationToken cancellationToken)
    {
        lock (_permits)
        {
            Check();
            if (_permits.ContainsKey(permit))
            {
                _permits[permit] = freesAt;
            }

            return ValueTask.CompletedTask;
        }
    }

    public ValueTask PauseAsync(string scope, DateTimeOffset until, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask AddAsync(string scope, IReadOnlyList<DateTimeOffset> freeAt, CancellationToken cancellationToken)
    {
        lock (_permits)
        {
            Check();
            Added.AddRange(freeAt);
            return ValueTask.CompletedTask;
        }
    }

    private void Check()
    {
        if (Down)
        {
            throw new IOException("the shared log is down");
        }
    }
}
