namespace TeGen.Client;

/// <summary>
/// A call to one of TE's lead APIs was refused because the organization uses the other: TE lets an organization use
/// lead opportunities or ALM leads, never both (<see cref="LeadFamilies"/>). Thrown before sending (<see
/// cref="TotalExpertApiException.StatusCode"/> 0) when this connection, or this user's session, already used the other
/// family successfully; thrown for TE's <c>403</c> to a lead call otherwise (TE does not document its answer; a 403 is
/// what an organization without the family is taken to get).
/// </summary>
public sealed class TotalExpertLeadFamilyException : TotalExpertApiException
{
    internal TotalExpertLeadFamilyException(TotalExpertErrorDetails details, string family)
        : base(details)
    {
        Family = family;
    }

    /// <summary>The family of the refused call: <see cref="LeadFamilies.LeadOpportunities"/> or <see cref="LeadFamilies.AlmLeads"/>.</summary>
    public string Family { get; }

    /// <summary>The family the organization uses instead.</summary>
    public string FamilyInUse => LeadFamilies.Other(Family);
}
