namespace TeGen.Sandbox;

/// <summary>A loan participant role of a sandbox organization, as <c>/v1/schema/participant-roles</c> lists it.</summary>
public sealed class SandboxParticipantRole
{
    /// <summary>Name identifying the role, e.g. <c>borrower</c>.</summary>
    public required string SystemName { get; init; }

    /// <summary>Label shown in TE's user interface.</summary>
    public string? DisplayName { get; init; }

    /// <summary>Whether every loan of the class needs a participant in this role (TE returns 1 or 0).</summary>
    public bool Required { get; init; }

    /// <summary>Name of the account class the role belongs to. Default <c>Mortgage</c>.</summary>
    public string AccountClassName { get; init; } = "Mortgage";

    /// <summary>Type of that account class. Default <c>LOAN</c>.</summary>
    public string AccountClassType { get; init; } = "LOAN";

    /// <summary>Name of the role's type, e.g. <c>Contact</c>.</summary>
    public string RoleTypeName { get; init; } = "Contact";

    /// <summary>Whether a loan has at most one participant in the role.</summary>
    public bool Discrete { get; init; } = true;

    /// <summary>TE id of the rules the role type follows.</summary>
    public long RulesTypeId { get; init; } = 1;

    /// <summary>
    /// What every sandbox organization starts with: the contact roles of a mortgage TE's loans name — <c>borrower</c>
    /// (required), <c>coborrower</c>, <c>buyers_agent</c>, <c>sellers_agent</c>, <c>settlement_agent</c> and
    /// <c>attorney</c>.
    /// </summary>
    /// <returns>New instances, safe to modify.</returns>
    public static IList<SandboxParticipantRole> Defaults() =>
    [
        new() { SystemName = "borrower", DisplayName = "Borrower", Required = true },
        new() { SystemName = "coborrower", DisplayName = "Co-borrower" },
        new() { SystemName = "buyers_agent", DisplayName = "Buyer's agent", RoleTypeName = "Agent", RulesTypeId = 2 },
        new() { SystemName = "sellers_agent", DisplayName = "Seller's agent", RoleTypeName = "Agent", RulesTypeId = 2 },
        new() { SystemName = "settlement_agent", DisplayName = "Settlement agent", RoleTypeName = "Agent", RulesTypeId = 2 },
        new() { SystemName = "attorney", DisplayName = "Attorney", RoleTypeName = "Agent", RulesTypeId = 2 },
    ];
}
