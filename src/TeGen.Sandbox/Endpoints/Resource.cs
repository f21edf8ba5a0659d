using System.Text.Json.Nodes;
using TeGen.Sandbox.Hosting;
using TeGen.Sandbox.Inspection;
using TeGen.Sandbox.Store;
using TeGen.Sandbox.Te;

namespace TeGen.Sandbox.Endpoints;

// What every TE resource shares: a collection and an item path, reads limited to what the caller may see, updates
// and deletes answering [], created/duplicate links, and the inspector's view of the stored rows.
internal sealed class Resource<T>(
    string name,
    string idName,
    Func<SandboxStore, Table<T>> table,
    Func<T, long?> ownerOf,
    Func<T, View, JsonObject> render,
    ListSpec spec,
    bool numericIds = true)
    where T : StoredEntity
{
    public string Collection => $"/v1/{name}";

    public string Item => $"/v1/{name}/{{{idName}{(numericIds ? ":long" : "")}}}";

    public T Find(TeCall call) => call.Find(table(call.Store), idName, ownerOf);

    public IEnumerable<T> Visible(TeCall call) => call.Visible(table(call.Store), ownerOf);

    public void MapReads(IEndpointRouteBuilder app, SandboxRuntime runtime)
    {
        app.MapTe(runtime, "GET", Collection, call => Listing.Page(call, Visible(call).Select(row => render(row, call.View)), spec));
        app.MapTe(runtime, "GET", Item, call => TeReply.Ok(render(Find(call), call.View)));
    }

    public void MapPatch(IEndpointRouteBuilder app, SandboxRuntime runtime, Action<TeCall, T> update) =>
        app.MapTe(runtime, "PATCH", Item, call =>
        {
            var row = Find(call);
            update(call, row);
            call.Stamp(row);
            return TeReply.EmptyArray();
        });

    public void MapDelete(IEndpointRouteBuilder app, SandboxRuntime runtime, Action<TeCall, T>? detach = null) =>
        app.MapTe(runtime, "DELETE", Item, call =>
        {
            var row = Find(call);
            table(call.Store).Remove(row.Key);
            detach?.Invoke(call, row);
            return TeReply.EmptyArray();
        });

    public TeReply Created(TeCall call, T row)
    {
        table(call.Store).Add(call.Stamp(row));
        return TeReply.Created(Link(call, row), row.IdNode);
    }

    public TeReply Duplicate(TeCall call, T row) => TeReply.Duplicate(Link(call, row), row.IdNode);

    public string Link(TeCall call, T row) => call.Link(name, row.Key);

    public List<StoredRecord> Snapshot(SandboxStore store, View view) =>
        [.. table(store).Rows.Select(row => new StoredRecord(row.Key, ownerOf(row), row.Org, render(row, view)))];
}
