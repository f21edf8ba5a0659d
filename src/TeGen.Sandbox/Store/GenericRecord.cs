using System.Text.Json.Nodes;

namespace TeGen.Sandbox.Store;

// A record of a collection no rule handles itself: its members as validated, an id and maybe an owner.
internal sealed class GenericRecord : StoredEntity
{
    public required string Id { get; init; }

    public required bool NumericId { get; init; }

    public long? OwnerId { get; set; }

    public override string Key => Id;

    public override long? Owner => OwnerId;

    public override JsonNode IdNode => NumericId ? JsonValue.Create(long.Parse(Id, System.Globalization.CultureInfo.InvariantCulture)) : JsonValue.Create(Id);
}
