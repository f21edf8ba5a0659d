namespace TeGen.Sandbox;

/// <summary>An insight type seeded into a sandbox organization (TE staff create these per integration).</summary>
public sealed class SandboxInsightType
{
    /// <summary>TE id of the insight type.</summary>
    public required long Id { get; init; }

    /// <summary>Unique system name, by TE convention <c>Partner: event</c>.</summary>
    public required string Type { get; init; }

    /// <summary>Description of the event.</summary>
    public string? Description { get; init; }

    /// <summary>Default lifetime of insights of this type, in seconds.</summary>
    public long ExpirationInterval { get; init; } = 2_592_000;
}
