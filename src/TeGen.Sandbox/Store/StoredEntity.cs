using System.Text.Json.Nodes;
using TeGen.Sandbox.Formats;

namespace TeGen.Sandbox.Store;

internal abstract class StoredEntity
{
    public string Org { get; private set; } = "";

    // Creation order, the default order of every listing (hex ids do not sort by age).
    public long Seq { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public abstract string Key { get; }

    // TE id of the owning user; null for records without one (surveys, seeded records).
    public abstract long? Owner { get; }

    // The id as TE returns it: a number for numbered records, a string for hex ones.
    public abstract JsonNode IdNode { get; }

    public void Place(string org, long seq, DateTimeOffset at)
    {
        Org = org;
        Seq = seq;
        CreatedAt = UpdatedAt = at;
    }

    // Members as validated against the spec, in stored form; relationships a rule resolves live in typed members.
    public Dictionary<string, JsonNode?> Fields { get; } = new(StringComparer.Ordinal);

    public string? Text(string field) => Fields.TryGetValue(field, out var value) ? TeValues.Text(value) : null;
}

internal abstract class NumberedEntity : StoredEntity
{
    public required long Id { get; init; }

    public override string Key => Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public override JsonNode IdNode => JsonValue.Create(Id);
}

internal abstract class HexEntity : StoredEntity
{
    public required string Id { get; init; }

    public override string Key => Id;

    public override JsonNode IdNode => JsonValue.Create(Id);
}
