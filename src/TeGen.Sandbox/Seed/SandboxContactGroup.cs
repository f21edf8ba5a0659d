namespace TeGen.Sandbox;

/// <summary>
/// A contact group that exists in a sandbox organization from the start, and again after a reset (as it was seeded).
/// </summary>
public sealed class SandboxContactGroup
{
    /// <summary>TE id of the group; unique across all organizations of a sandbox. New groups get ids around it.</summary>
    public required long Id { get; init; }

    /// <summary>The group's <c>group_name</c>, e.g. <c>Newsletter</c>.</summary>
    public required string Name { get; init; }

    /// <summary>TE id of the owning user, one of the organization's users. Default <c>null</c>: the organization's first user.</summary>
    public long? OwnerId { get; init; }

    /// <summary>Whether users may edit the group. Default <c>true</c>, TE's default.</summary>
    public bool UserEditable { get; init; } = true;
}
