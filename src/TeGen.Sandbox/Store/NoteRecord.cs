namespace TeGen.Sandbox.Store;

internal sealed class NoteRecord : NumberedEntity
{
    public required long OwnerId { get; init; }

    public override long? Owner => OwnerId;

    public required long ContactId { get; set; }
}
