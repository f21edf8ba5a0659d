using System.Globalization;
using TeGen.Sandbox.Paging;
using TeGen.Sandbox.Replies;
using TeGen.Sandbox.Spec;
using TeGen.Sandbox.Store;

namespace TeGen.Sandbox.Domain;

// A collection with no TE rule of its own: records as validated, numeric or hexadecimal ids as the spec's path
// parameter says, never deduplicated. The owner: As User the caller; As Admin the one the body names, which
// x-te-owner: required-as-admin makes required.
internal sealed class GenericResource(
    string collection, Shape? item, bool numericIds, bool ownerRequiredAsAdmin, bool owned, bool adminOnly, Func<ListSpec, ListSpec>? filters = null)
    : RecordResource(collection, item)
{
    public override ListSpec Filters => field ??= (filters ?? (spec => spec))(ListSpec.From(Item));

    public override bool AdminOnly => adminOnly;

    public override TeReply Create(TeCall call)
    {
        var table = Table(call.Store);
        var row = call.New(new GenericRecord
        {
            Id = numericIds ? table.NextId().ToString(CultureInfo.InvariantCulture) : SandboxStore.NewHexId(16),
            NumericId = numericIds,
            OwnerId = ownerRequiredAsAdmin || (owned && call.Body["owner"] is not null) ? call.Owner().Id : call.Caller.User?.Id,
        });
        Attributes.Assign(row, PlainMembers(call.Body, ["owner"]));
        return Created(call, row);
    }

    protected override TeReply Change(TeCall call, GenericRecord row)
    {
        if (owned && call.Caller.IsAdmin && call.Body["owner"] is not null)
        {
            row.OwnerId = call.Owner().Id;
        }

        Attributes.Assign(row, PlainMembers(call.Body, ["owner"]));
        Attributes.Remove(row, call.Body);
        return TeReply.EmptyArray();
    }
}
