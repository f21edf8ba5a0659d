using System.Text.Json.Nodes;
using TeGen.Sandbox.Formats;
using TeGen.Sandbox.Store;

namespace TeGen.Sandbox.Views;

// Notes: type_id returned as a JSON string ("2") as in TE's examples; created_on and is_private rendered for TE's
// documented filters only (no TE note shows them, so the answer leaves them out).
internal sealed class NoteView() : RecordView("/v1/contact-notes")
{
    protected override void Compute(JsonObject json, StoredEntity row, View view)
    {
        var note = (NoteRecord)row;
        json["type_id"] = TeValues.Text(note.Fields.GetValueOrDefault("type_id"));
        json["contact"] = new JsonObject { ["id"] = note.ContactId };
        json["created_on"] = TeValues.FormatDateTime(note.CreatedAt);
        json["is_private"] = false;
    }
}
