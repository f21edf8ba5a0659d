using TeGen.Client.Http;

namespace TeGen.Client.Tests.Support;

/// <summary>
/// A shared permit log in memory, with the rules of the Redis one (permits free two windows after they are taken, one
/// window after they are counted), that a test takes down and brings back, and whose count of processes it sets.
/// </summary>
internal sealed class FakeSharedLog(double fallbackShare = 0.25, int processes = 1) : ISharedRequestLog
{
    private readonly Dictionary<string, DateTimeOffset> _permits = [];

    public bool Down { get; set; }

    /// <summary>The processes the log reports as using the scope.</summary>
    public int Processes { get; set; } = processes;

    /// <summary>The permits processes added themselves (after an outage), as they were added.</summary>
    public List<SharedPermitEntry> Added { get; } = [];

    /// <summary>The limit the last <see cref="TryTakeAsync"/> was asked to keep.</summary>
    public int LastLimit { get; private set; }

    /// <summary>The last permit <see cref="TryTakeAsync"/> took.</summary>
    public string? LastTaken { get; private set; }

    public double FallbackShare => fallbackShare;

    public TimeSpan ProbeInterval => TimeSpan.FromSeconds(1);

    public int Held => _permits.Count;

    /// <summary>When a permit in the log frees; <c>null</c> when it is not there.</summary>
    public DateTimeOffset? FreesAt(string permit)
    {
        lock (_permits)
        {
            return _permits.TryGetValue(permit, out var at) ? at : null;
        }
    }

    public ValueTask<SharedPermitAttempt> TryTakeAsync(string scope, string permit, string process, int limit, TimeSpan window, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_permits)
        {
            Check();
            LastLimit = limit;
            foreach (var freed in _permits.Where(p => p.Value <= now).Select(p => p.Key).ToList())
            {
                _permits.Remove(freed);
            }

            if (_permits.Count >= limit)
            {
                return ValueTask.FromResult(new SharedPermitAttempt(_permits.Values.Min() - now, Processes));
            }

            _permits[permit] = now + window + window;
            LastTaken = permit;
            return ValueTask.FromResult(new SharedPermitAttempt(TimeSpan.Zero, Processes));
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

    public ValueTask<int> AddAsync(string scope, string process, IReadOnlyList<SharedPermitEntry> permits, TimeSpan window, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_permits)
        {
            Check();
            Added.AddRange(permits);
            foreach (var permit in permits)
            {
                _permits[permit.Permit] = permit.FreesAt;
            }

            return ValueTask.FromResult(Processes);
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
