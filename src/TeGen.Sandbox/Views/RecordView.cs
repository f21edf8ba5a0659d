using System.Text.Json.Nodes;
using TeGen.Sandbox.Formats;
using TeGen.Sandbox.Store;

namespace TeGen.Sandbox.Views;

// A stored record as TE returns it: every member of the collection's read-back schema (id first, as in TE's
// examples), taken from what the view computes (relationships, quirks), else from the stored members, else null.
// Nested objects carry what the record has (TE shows related records in part, e.g. a contact as its id only).
// Members a view adds for filters only are cut away from the answer by the endpoint's projection.
internal class RecordView(string collection)
{
    public string Collection { get; } = collection;

    // Members of the schema TE's examples never show for this collection (docs/te-api.md, "Members TE never returns").
    public virtual IReadOnlySet<string> Omitted { get; } = new HashSet<string>();

    public JsonObject Render(StoredEntity row, View view)
    {
        var shape = view.Spec.ItemShape(Collection);
        var computed = new JsonObject();
        Compute(computed, row, view);
        var json = new JsonObject();
        var members = shape?.Properties.Keys.OrderBy(name => name != "id") ?? Enumerable.Empty<string>();
        foreach (var name in members.Where(name => !Omitted.Contains(name) && (name != "owner" || view.ShowOwner)))
        {
            json[name] = computed.Remove(name, out var value) ? value : Stored(row, name, view);
        }

        foreach (var (name, extra) in computed.ToList())
        {
            computed.Remove(name);
            json[name] = extra;
        }

        return json;
    }

    // The members a view knows better than the stored ones; the generic view knows none.
    protected virtual void Compute(JsonObject json, StoredEntity row, View view)
    {
    }

    private static JsonNode? Stored(StoredEntity row, string name, View view) => name switch
    {
        _ when row.Fields.TryGetValue(name, out var stored) => stored?.DeepClone(),
        "id" => row.IdNode.DeepClone(),
        "internal_created_at" => TeValues.FormatDateTime(row.CreatedAt),
        "internal_updated_at" => TeValues.FormatDateTime(row.UpdatedAt),
        "owner" => UserRef.Render(row.Owner, view),
        _ => null,
    };
}
