namespace TeGen.Tool.Import;

/// <summary>Where a row stands in an import, as the checkpoint journal and the results file record it.</summary>
internal enum RowState
{
    /// <summary>Not sent yet.</summary>
    Pending,

    /// <summary>The request was about to leave; its outcome was not recorded (the run stopped). Sent again on resume: TE deduplicates contacts.</summary>
    Sending,

    /// <summary>TE created a new contact.</summary>
    Created,

    /// <summary>TE matched an existing contact (its deduplication) and updated it.</summary>
    Duplicate,

    /// <summary>TE refused the row, or the call failed; <c>Retryable</c> failures are sent again on the next run.</summary>
    Failed,

    /// <summary>The row breaks TE's rules and was never sent.</summary>
    Invalid,
}
