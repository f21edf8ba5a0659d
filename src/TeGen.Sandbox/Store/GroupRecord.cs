namespace TeGen.Sandbox.Store;

internal sealed class GroupRecord : NumberedEntity
{
    public required long OwnerId { get; set; }

    public override long? Owner => OwnerId;

    public string GroupName => Text("group_name") ?? "";
}
