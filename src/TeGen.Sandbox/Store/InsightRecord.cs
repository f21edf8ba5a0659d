namespace TeGen.Sandbox.Store;

internal sealed class InsightRecord : NumberedEntity
{
    public required long OwnerId { get; init; }

    public override long? Owner => OwnerId;

    public required long ContactId { get; init; }

    public required long TypeId { get; init; }
}
