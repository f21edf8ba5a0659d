namespace TeGen.Sandbox.Store;

internal sealed class GroupRecord : NumberedEntity
{
    public required long OwnerId { get; set; }

    public string GroupName => Text("group_name") ?? "";
}
