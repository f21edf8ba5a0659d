namespace TeGen.Client.Lending;

/// <summary>How <see cref="LoanSync"/> treats what TE does not have yet.</summary>
public sealed class LoanSyncOptions
{
    /// <summary>
    /// Create a loan type, status, purpose or program that the organization lacks (default <c>false</c>: refuse the loan
    /// with <see cref="LoanLookupNotFoundException"/>, since a misspelt status would otherwise become a new status
    /// every TE user sees).
    /// </summary>
    public bool CreateMissingLookups { get; set; }

    /// <summary>
    /// Check, before sending, that a loan has a participant in every role the organization marks required for its
    /// account class (<c>/v1/schema/participant-roles</c>, read once). Default <c>true</c>; the schema is readable As
    /// Admin only, so a user's client skips the check and leaves it to TE.
    /// </summary>
    public bool CheckParticipantRoles { get; set; } = true;
}
