namespace TeGen.Client;

/// <summary>
/// A create describing a person TE must be able to reach, by e-mail or by phone: a lead opportunity, an ALM lead. The
/// create rules refuse one with neither before sending (a rule the spec's <c>required</c> lists cannot state).
/// </summary>
internal interface IReachablePerson
{
    string? Email { get; }

    string? Phone { get; }
}

/// <summary>A lead opportunity create: first and last name, source, and an e-mail or a phone.</summary>
public partial class NewLeadOpportunity : IReachablePerson;

/// <summary>An ALM lead create: first and last name, source, and an e-mail or a phone.</summary>
public partial class NewAlmLead : IReachablePerson;
