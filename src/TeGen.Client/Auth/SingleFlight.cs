using System.Collections.Concurrent;

namespace TeGen.Client.Auth;

/// <summary>
/// One gate per store key for the whole process: concurrent callers, across client instances, wait for one
/// in-flight token request instead of each sending their own.
/// </summary>
internal static class SingleFlight
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    public static async ValueTask<IDisposable> EnterAsync(string key, CancellationToken cancellationToken)
    {
        var gate = Gates.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
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
