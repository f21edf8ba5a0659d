namespace TeGen.Client.Lending;

/// <summary>What <see cref="LoanSync"/> did with one loan.</summary>
public enum LoanSyncOutcome
{
    /// <summary>TE had no loan with the external id (for this owner): a new loan was created.</summary>
    Created,

    /// <summary>The owner's loan with the external id was found and updated.</summary>
    Updated,

    /// <summary>Not found by external id, but TE matched the create to an existing loan (by <c>loan_number</c>) and updated it.</summary>
    Deduplicated,
}

/// <summary>The result of syncing one loan.</summary>
/// <param name="ExternalId">The loan's id in the integrating system.</param>
/// <param name="LoanId">TE's id of the loan.</param>
/// <param name="Outcome">Created, updated or deduplicated.</param>
/// <param name="CreatedLookups">Lookup values created for this loan (<see cref="LoanSyncOptions.CreateMissingLookups"/>), e.g. <c>loan_status: Underwriting</c>.</param>
public sealed record LoanSyncResult(string ExternalId, long LoanId, LoanSyncOutcome Outcome, IReadOnlyList<string> CreatedLookups);
