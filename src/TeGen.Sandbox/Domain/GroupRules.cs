using TeGen.Sandbox.Formats;
using TeGen.Sandbox.Replies;
using TeGen.Sandbox.Spec;
using TeGen.Sandbox.Store;

namespace TeGen.Sandbox.Domain;

// /v1/contact-groups: deduplicated on group_name within one owner; a deleted group leaves its contacts.
internal sealed class GroupRules(Shape? item) : Resource<GroupRecord>("/v1/contact-groups", item)
{
    public override Table<GroupRecord> Table(SandboxStore store) => store.Groups;

    public static IEnumerable<GroupRecord> Owned(TeCall call, long ownerId) =>
        call.Store.Groups.Rows.Where(group => group.Org == call.Org.Name && group.OwnerId == ownerId);

    public static GroupRecord FindOrCreate(TeCall call, long ownerId, string name)
    {
        var group = Owned(call, ownerId).FirstOrDefault(existing => TeValues.SameText(existing.GroupName, name));
        if (group is null)
        {
            group = New(call, ownerId);
            group.Fields["group_name"] = name;
            call.Store.Groups.Add(group);
        }

        return group;
    }

    public override TeReply Create(TeCall call)
    {
        var name = TeValues.Text(call.Require("group_name"))!;
        var owner = call.Owner();
        var values = PlainMembers(call.Body, ["owner"]);
        if (Owned(call, owner.Id).FirstOrDefault(group => TeValues.SameText(group.GroupName, name)) is { } duplicate)
        {
            Attributes.Assign(duplicate, values);
            call.Stamp(duplicate);
            return Duplicate(call, duplicate);
        }

        var created = New(call, owner.Id);
        Attributes.Assign(created, values);
        return Created(call, created);
    }

    protected override TeReply Change(TeCall call, GroupRecord group)
    {
        Attributes.Assign(group, PlainMembers(call.Body, ["owner"]));
        return TeReply.EmptyArray();
    }

    protected override void Detach(TeCall call, GroupRecord group)
    {
        foreach (var contact in call.Store.Contacts.Rows)
        {
            contact.GroupIds.Remove(group.Id);
        }
    }

    // TE's default: users may edit a group.
    private static GroupRecord New(TeCall call, long ownerId)
    {
        var group = call.New(new GroupRecord { Id = call.Store.Groups.NextId(), OwnerId = ownerId });
        group.Fields["user_editable"] = true;
        return group;
    }
}
