using TeGen.Sandbox.Paging;
using TeGen.Sandbox.Replies;
using TeGen.Sandbox.Spec;
using TeGen.Sandbox.Store;

namespace TeGen.Sandbox.Domain;

// /v1/contact-notes: never deduplicated; the contact must already exist and belong to the note's owner.
internal sealed class NoteRules(Shape? item) : Resource<NoteRecord>("/v1/contact-notes", item)
{
    // TE documents filters on created_on and is_private, members its notes never show: the note view renders them
    // for the filters only, and the answer leaves them out.
    public override ListSpec Filters => field ??= new ListSpec()
        .Range("created_on")
        .Equal("title", "is_private", "type_id")
        .Contains("title")
        .EqualAs("notes", "note")
        .ContainsAs("notes_contains", "note")
        .Sortable(["created_on", .. ListSpec.From(Item).SortFields]);

    public override Table<NoteRecord> Table(SandboxStore store) => store.Notes;

    public override TeReply Create(TeCall call)
    {
        var owner = call.Owner();
        var contact = ContactMatcher.Resolve(call.Require("contact"), ContactRules.OwnedBy(call, owner.Id));
        var note = call.New(new NoteRecord { Id = call.Store.Notes.NextId(), OwnerId = owner.Id, ContactId = contact.Id });
        Attributes.Assign(note, PlainMembers(call.Body, ["owner", "contact"]));
        return Created(call, note);
    }

    // An update may name the note's contact again (or another of the owner's contacts).
    protected override TeReply Change(TeCall call, NoteRecord note)
    {
        if (call.Body["contact"] is { } contact)
        {
            note.ContactId = ContactMatcher.Resolve(contact, ContactRules.OwnedBy(call, note.OwnerId)).Id;
        }

        Attributes.Assign(note, PlainMembers(call.Body, ["owner", "contact"]));
        return TeReply.EmptyArray();
    }
}
