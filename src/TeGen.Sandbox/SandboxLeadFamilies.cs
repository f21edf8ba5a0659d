namespace TeGen.Sandbox;

/// <summary>
/// Which of TE's two lead APIs an organization of the sandbox may use (<see cref="TeSandboxOptions.LeadFamilies"/>). TE
/// lets an organization use lead opportunities (<c>/v1/lead-opportunities</c>) or ALM leads (<c>/v1/leads</c>), never
/// both; a call to the other is answered <c>403</c>.
/// </summary>
public enum SandboxLeadFamilies
{
    /// <summary>Whichever the organization uses first: once it holds a lead opportunity, <c>/v1/leads</c> is refused, and the other way round.</summary>
    FirstUsed,

    /// <summary>Lead opportunities only: every <c>/v1/leads</c> call is refused.</summary>
    LeadOpportunities,

    /// <summary>ALM leads only: every <c>/v1/lead-opportunities</c> call is refused.</summary>
    AlmLeads,

    /// <summary>
    /// Both served, which no TE organization is: for tests and tools that exercise every operation of the spec on one
    /// organization.
    /// </summary>
    Both,
}
