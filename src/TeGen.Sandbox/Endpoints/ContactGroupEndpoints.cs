using System.Text.Json.Nodes;
using TeGen.Sandbox.Hosting;
using TeGen.Sandbox.Store;
using TeGen.Sandbox.Te;

namespace TeGen.Sandbox.Endpoints;

// /v1/contact-groups (facts §6): deduplicated on group_name within one owner.
internal static class ContactGroupEndpoints
{
    private static readonly FieldDef[] Fields = [new("group_name"), new("user_editable", FieldKind.Boolean)];

    private static readonly ListSpec Spec = new ListSpec()
        .Owner()
        .Equal("group_name", "user_editable")
        .Contains("group_name")
        .Sortable(["id", .. Fields.Select(field => field.Name)]);

    public static readonly Resource<GroupRecord> Resource = new("contact-groups", "contact_group_id", store => store.Groups, group => group.OwnerId, Render, Spec);

    public static void Map(IEndpointRouteBuilder app, SandboxRuntime runtime)
    {
        Resource.MapReads(app, runtime);
        app.MapTe(runtime, "POST", Resource.Collection, Create);
        Resource.MapPatch(app, runtime, (call, group) => FieldValues.Assign(group, FieldValues.Read(call, call.Body, Fields)));
        Resource.MapDelete(app, runtime, (call, group) =>
        {
            foreach (var contact in call.Store.Contacts.Rows)
            {
                contact.GroupIds.Remove(group.Id);
            }
        });
    }

    public static JsonObject Render(GroupRecord group, View view)
    {
        var json = new JsonObject { ["id"] = group.Id };
        FieldValues.Render(json, group, Fields);
        return view.WithOwner(json, group.OwnerId);
    }

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

    private static IEnumerable<GroupRecord> Owned(TeCall call, long ownerId) =>
        call.Store.Groups.Rows.Where(group => group.Org == call.Org.Name && group.OwnerId == ownerId);

    private static TeReply Create(TeCall call)
    {
        var name = TeValues.Text(call.Require("group_name"))!;
        var owner = call.Owner();
        var values = FieldValues.Read(call, call.Body, Fields);
        if (Owned(call, owner.Id).FirstOrDefault(group => TeValues.SameText(group.GroupName, name)) is { } duplicate)
        {
            FieldValues.Assign(duplicate, values);
            call.Stamp(duplicate);
            return Resource.Duplicate(call, duplicate);
        }

        var created = New(call, owner.Id);
        FieldValues.Assign(created, values);
        return Resource.Created(call, created);
    }

    private static GroupRecord New(TeCall call, long ownerId)
    {
        var group = call.New(new GroupRecord { Id = call.Store.Groups.NextId(), OwnerId = ownerId });
        group.Fields["user_editable"] = true;
        return group;
    }
}
