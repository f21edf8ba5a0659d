namespace TeGen.Client;

/// <summary>
/// TE's two lead APIs. An organization uses one of them, never both: lead opportunities
/// (<c>/v1/lead-opportunities</c>, <see cref="ILeadOpportunitiesClient"/>) or automated lead management
/// (<c>/v1/leads</c>, <see cref="IAlmLeadsClient"/>). The spec marks each operation with its family
/// (<c>x-te-lead-family</c>, <see cref="TeOperation.LeadFamily"/>); once a connection has used one, the SDK refuses
/// the other before sending (<see cref="TotalExpertLeadFamilyException"/>), and analyzer TE0006 reports a project
/// that calls both.
/// </summary>
public static class LeadFamilies
{
    /// <summary><c>/v1/lead-opportunities</c>.</summary>
    public const string LeadOpportunities = "lead-opportunities";

    /// <summary><c>/v1/leads</c> (automated lead management).</summary>
    public const string AlmLeads = "alm-leads";

    /// <summary>The family an organization cannot use alongside <paramref name="family"/>.</summary>
    /// <param name="family"><see cref="LeadOpportunities"/> or <see cref="AlmLeads"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="family"/> is neither.</exception>
    public static string Other(string family) => family switch
    {
        LeadOpportunities => AlmLeads,
        AlmLeads => LeadOpportunities,
        _ => throw new ArgumentException($"'{family}' is not a TE lead family.", nameof(family)),
    };

    /// <summary>How messages name a family: <c>lead opportunities (/v1/lead-opportunities)</c>.</summary>
    internal static string Describe(string family) =>
        family == AlmLeads ? "ALM leads (/v1/leads)" : "lead opportunities (/v1/lead-opportunities)";
}
