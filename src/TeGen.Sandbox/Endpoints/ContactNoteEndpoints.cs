using System.Text.Json.Nodes;
using TeGen.Sandbox.Hosting;
using TeGen.Sandbox.Store;
using TeGen.Sandbox.Te;

namespace TeGen.Sandbox.Endpoints;

// /v1/contact-notes (facts §10): never deduplicated; the contact must already exist and belong to the owner.
internal static class ContactNoteEndpoints
{
    private static readonly FieldDef[] Fields =
        [new("title"), new("note"), new("type_id", FieldKind.IntegerAsString), new("is_private", FieldKind.Boolean)];

    private static readonly ListSpec Spec = new ListSpec()
        .Range("created_on")
        .Equal("title", "is_private", "type_id")
        .Contains("title")
        .EqualAs("notes", "note")
        .ContainsAs("notes_contains", "note")
        .Sortable(["id", "created_on", .. Fields.Select(field => field.Name)]);

    public static readonly Resource<NoteRecord> Resource = new("contact-notes", "contact_note_id", store => store.Notes, note => note.OwnerId, Render, Spec);

    public static void Map(IEndpointRouteBuilder app, SandboxRuntime runtime)
    {
        Resource.MapReads(app, runtime);
        app.MapTe(runtime, "POST", Resource.Collection, Create);
        Resource.MapPatch(app, runtime, (call, note) => FieldValues.Assign(note, Read(call)));
        Resource.MapDelete(app, runtime);
    }

    public static JsonObject Render(NoteRecord note, View view)
    {
        var json = new JsonObject { ["id"] = note.Id };
        FieldValues.Render(json, note, Fields);
        json["created_on"] = View.Date(note.CreatedAt);
        json["contact"] = new JsonObject { ["id"] = note.ContactId };
        return view.WithOwner(json, note.OwnerId);
    }

    private static TeReply Create(TeCall call)
    {
        foreach (var field in (string[])["title", "note", "type_id"])
        {
            call.Require(field);
        }

        var values = Read(call);
        var owner = call.Owner();
        var contact = ContactMatcher.Resolve(call.Require("contact"), ContactEndpoints.OwnedBy(call, owner.Id));
        var note = call.New(new NoteRecord { Id = call.Store.Notes.NextId(), OwnerId = owner.Id, ContactId = contact.Id });
        note.Fields["is_private"] = false;
        FieldValues.Assign(note, values);
        return Resource.Created(call, note);
    }

    // type_id must be one of TE's 34 note types.
    private static Dictionary<string, JsonNode?> Read(TeCall call)
    {
        var values = FieldValues.Read(call, call.Body, Fields);
        return values.TryGetValue("type_id", out var type) && type is not null && (long)type is < 1 or > 34
            ? throw call.Invalid("Invalid value for field: 'type_id'")
            : values;
    }
}
