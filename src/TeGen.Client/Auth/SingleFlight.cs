using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace TeGen.Client.Auth;

/// <summary>
/// One gate per key of one token store: concurrent callers, across client instances, wait for one in-flight token
/// request instead of each sending their own. The gates belong to the store (<see cref="For"/>), so exactly the clients
/// that share a store share its gates, and they go when the store goes. When the store offers a lock that spans
/// processes (<see cref="ITokenStoreLock"/>), the gate's holder takes it too, so processes sharing the store take turns
/// as well; the in-process gate comes first, so a process asks the store for its lock once, not once per caller.
/// </summary>
internal sealed class SingleFlight
{
    // Keyed by the store instance, not by anything global: two stores never share a gate.
    private static readonly ConditionalWeakTable<ITokenStore, SingleFlight> ByStore = [];

    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TokenQueue> _queues = new(StringComparer.Ordinal);
    private readonly ITokenStoreLock? _storeLock;

    private SingleFlight(ITokenStore store) => _storeLock = store as ITokenStoreLock;

    /// <summary>The gates of <paramref name="store"/>.</summary>
    public static SingleFlight For(ITokenStore store) => ByStore.GetValue(store, s => new SingleFlight(s));

    /// <summary>The credentials waiting for a token request of the budget kept under <paramref name="budgetKey"/>.</summary>
    public TokenQueue Queue(string budgetKey) => _queues.GetOrAdd(budgetKey, _ => new TokenQueue());

    /// <summary>
    /// Enters the gate of <paramref name="key"/>: this process's, and, unless <paramref name="crossProcess"/> is false or
    /// <paramref name="servedInProcess"/> says the caller before in this process already did the work, the store's lock
    /// of the same name.
    /// </summary>
    public async ValueTask<IAsyncDisposable> EnterAsync(string key, CancellationToken cancellationToken, bool crossProcess = true, Func<bool>? servedInProcess = null)
    {
        var gate = _gates.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (!crossProcess || _storeLock is null || servedInProcess?.Invoke() == true)
        {
            return new Release(gate, null);
        }

        try
        {
            return new Release(gate, await _storeLock.LockAsync(key, cancellationToken).ConfigureAwait(false));
        }
        catch
        {
            gate.Release();
            throw;
        }
    }

    private sealed class Release(SemaphoreSlim gate, IAsyncDisposable? storeLock) : IAsyncDisposable
    {
        private int _released;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0)
            {
                return;
            }

            try
            {
                if (storeLock is not null)
                {
                    await storeLock.DisposeAsync().ConfigureAwait(false);
                }
            }
            finally
            {
                gate.Release();
            }
        }
    }
}
