namespace TeGen.Client.Lending;

/// <summary>
/// A loan names a loan type, status, purpose or program the organization does not have, and
/// <see cref="LoanSyncOptions.CreateMissingLookups"/> is off. Nothing was sent for the loan.
/// </summary>
public sealed class LoanLookupNotFoundException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="member">The loan member, e.g. <c>loan_status</c>.</param>
    /// <param name="name">The name TE does not know.</param>
    /// <param name="known">The names the organization has.</param>
    public LoanLookupNotFoundException(string member, string name, IReadOnlyCollection<string> known)
        : base($"{member} '{name}' is not one of the organization's values ({(known.Count == 0 ? "it has none" : string.Join(", ", known.Order().Select(k => $"'{k}'")))}). " +
               "Fix the name, create the value in TE, or set LoanSyncOptions.CreateMissingLookups.")
    {
        Member = member;
        Name = name;
        Known = known;
    }

    /// <summary>The loan member, e.g. <c>loan_status</c>.</summary>
    public string Member { get; }

    /// <summary>The name TE does not know.</summary>
    public string Name { get; }

    /// <summary>The names the organization has.</summary>
    public IReadOnlyCollection<string> Known { get; }
}
