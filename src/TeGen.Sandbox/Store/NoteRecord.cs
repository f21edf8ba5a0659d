namespace TeGen.Sandbox.Store;

internal sealed class NoteRecord : NumberedEntity
{
    public required long OwnerId { get; init; }

    public required long ContactId { get; init; }
}
