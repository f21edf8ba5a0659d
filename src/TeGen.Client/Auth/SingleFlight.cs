using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace TeGen.Client.Auth;

/// <summary>
/// One gate per key of one token store: concurrent callers, across client instances, wait for one in-flight token
/// request instead of each sending their own. The gates belong to the store (<see cref="For"/>), so exactly the clients
/// that share a store share its gates, and they go when the store goes.
/// </summary>
internal sealed class SingleFlight
{
    // Keyed by the store instance, not by anything global: two stores never share a gate.
    private static readonly ConditionalWeakTable<ITokenStore, SingleFlight> ByStore = [];

    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TokenQueue> _queues = new(StringComparer.Ordinal);

    /// <summary>The gates of <paramref name="store"/>.</summary>
    public static SingleFlight For(ITokenStore store) => ByStore.GetValue(store, _ => new SingleFlight());

    /// <summary>The credentials waiting for a token request of the budget kept under <paramref name="budgetKey"/>.</summary>
    public TokenQueue Queue(string budgetKey) => _queues.GetOrAdd(budgetKey, _ => new TokenQueue());

    public async ValueTask<IDisposable> EnterAsync(string key, CancellationToken cancellationToken)
    {
        var gate = _gates.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
