using TeGen.Sandbox.Limits;
using TeGen.Sandbox.Store;
using TeGen.Sandbox.Views;

namespace TeGen.Sandbox.Inspection;

/// <summary>
/// Read access to what a sandbox stored and received, for tests. The same data is served over HTTP by
/// <c>GET /_sandbox/state</c> and <c>GET /_sandbox/requests</c>; <c>POST /_sandbox/reset</c> is <see cref="Reset"/>.
/// </summary>
public sealed class SandboxInspector
{
    private readonly Lazy<View> _view;
    private readonly RequestLog _log;
    private readonly RateLimiter _limits;
    private readonly Action _clearData;
    private readonly WebhookLog _webhooks;

    // The view waits for the spec, which a standalone sandbox may still be reading when it starts. Clearing the data
    // is the domain's: it restores the groups and surveys organizations start with.
    internal SandboxInspector(Lazy<View> view, RequestLog log, RateLimiter limits, Action clearData, WebhookLog webhooks)
    {
        _webhooks = webhooks;
        _view = view;
        _log = log;
        _limits = limits;
        _clearData = clearData;
    }

    private SandboxStore Store => _view.Value.Store;

    /// <summary>A snapshot of every stored record.</summary>
    /// <returns>The records, rendered as an administrator would read them.</returns>
    public SandboxState GetState()
    {
        lock (Store.Gate)
        {
            return new SandboxState(
                Snapshot("/v1/contacts", Store.Contacts.Rows),
                Snapshot("/v1/contact-groups", Store.Groups.Rows),
                Snapshot("/v1/contact-notes", Store.Notes.Rows),
                Snapshot("/v1/contact-surveys", Store.Surveys.Rows),
                Snapshot("/v1/contact-survey-responses", Store.Responses.Rows),
                Snapshot("/v1/insights", Store.Insights.Rows))
            {
                Collections = Store.Collections.ToDictionary(entry => entry.Key, entry => Snapshot(entry.Key, entry.Value.Rows), StringComparer.Ordinal),
            };
        }
    }

    /// <summary>The request counters and the most recent requests.</summary>
    /// <param name="recent">How many recent requests to include at most (the log keeps <see cref="TeSandboxOptions.RequestLogCapacity"/>).</param>
    /// <returns>The counters.</returns>
    public RequestStats GetRequestStats(int recent = int.MaxValue) => _log.Snapshot(recent);

    /// <summary>
    /// Every webhook notification the sandbox has taken from its queue to send, in order, with its attempts
    /// (<see cref="SandboxWebhookOptions"/>). Served by <c>GET /_sandbox/webhooks</c>.
    /// </summary>
    /// <returns>The notifications; the newest last.</returns>
    public IReadOnlyList<SentWebhook> GetWebhooks() => _webhooks.Snapshot();

    /// <summary>
    /// Clears all stored records, the request counters and log, and the rate-limit windows. Issued tokens, the
    /// fault settings and the seeded records (users, insight types, custom fields) stay, so a fixture shared by several
    /// tests keeps its tokens; seeded contact groups and surveys (<see cref="SandboxOrganization.ContactGroups"/>,
    /// <see cref="SandboxOrganization.Surveys"/>) come back as seeded, whatever was changed or deleted.
    /// </summary>
    public void Reset()
    {
        lock (Store.Gate)
        {
            _clearData();
        }

        _log.Clear();
        _limits.Clear();
        _webhooks.Clear();
    }

    // Rendered by the collection's view and cut to its read-back schema, as the API returns them to an administrator.
    private IReadOnlyList<StoredRecord> Snapshot(string collection, IEnumerable<StoredEntity> rows)
    {
        var view = RecordViews.For(collection);
        var shape = _view.Value.Spec.ItemShape(collection);
        return [.. rows.Select(row => new StoredRecord(row.Key, row.Owner, row.Org, (System.Text.Json.Nodes.JsonObject)Projection.Project(view.Render(row, _view.Value), shape)!))];
    }
}
