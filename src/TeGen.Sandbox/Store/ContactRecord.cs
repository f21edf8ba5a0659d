using System.Text.Json.Nodes;

namespace TeGen.Sandbox.Store;

internal sealed class ContactRecord : NumberedEntity
{
    public required long OwnerId { get; set; }

    public override long? Owner => OwnerId;

    public List<ExternalIdPair> ExternalIds { get; } = [];

    public List<long> GroupIds { get; } = [];

    public Dictionary<string, JsonNode?> Custom { get; } = new(StringComparer.OrdinalIgnoreCase);

    public bool IsSilenced { get; set; }

    public long? AssigneeId { get; set; }

    public List<long> SharedWithIds { get; } = [];

    // Only needed because TE refuses a revoke without an earlier grant.
    public bool ConsentGranted { get; set; }
}

internal readonly record struct ExternalIdPair(string Source, string ExternalId);
