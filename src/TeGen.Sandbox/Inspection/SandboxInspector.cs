using TeGen.Sandbox.Endpoints;
using TeGen.Sandbox.Hosting;
using TeGen.Sandbox.Te;

namespace TeGen.Sandbox.Inspection;

/// <summary>
/// Read access to what a sandbox stored and received, for tests. The same data is served over HTTP by
/// <c>GET /_sandbox/state</c> and <c>GET /_sandbox/requests</c>; <c>POST /_sandbox/reset</c> is <see cref="Reset"/>.
/// </summary>
public sealed class SandboxInspector
{
    private readonly SandboxRuntime _runtime;

    internal SandboxInspector(SandboxRuntime runtime) => _runtime = runtime;

    /// <summary>A snapshot of every stored record.</summary>
    /// <returns>The records, rendered as an administrator would read them.</returns>
    public SandboxState GetState()
    {
        var store = _runtime.Store;
        var view = new View(_runtime, ShowOwner: true);
        lock (store.Gate)
        {
            return new SandboxState(
                ContactEndpoints.Resource.Snapshot(store, view),
                ContactGroupEndpoints.Resource.Snapshot(store, view),
                ContactNoteEndpoints.Resource.Snapshot(store, view),
                SurveyEndpoints.Resource.Snapshot(store, view),
                SurveyResponseEndpoints.Resource.Snapshot(store, view),
                InsightEndpoints.Resource.Snapshot(store, view));
        }
    }

    /// <summary>The request counters and the most recent requests.</summary>
    /// <param name="recent">How many recent requests to include at most (the log keeps <see cref="TeSandboxOptions.RequestLogCapacity"/>).</param>
    /// <returns>The counters.</returns>
    public RequestStats GetRequestStats(int recent = int.MaxValue) => _runtime.Log.Snapshot(recent);

    /// <summary>
    /// Clears all stored records, the request counters and log, and the rate-limit windows. Issued tokens and the
    /// fault settings stay, so a fixture shared by several tests keeps its tokens.
    /// </summary>
    public void Reset()
    {
        lock (_runtime.Store.Gate)
        {
            _runtime.Store.ClearData();
        }

        _runtime.Log.Clear();
        _runtime.Limits.Clear();
    }
}
