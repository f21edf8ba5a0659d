using TeGen.Tool.Progress;

namespace TeGen.Tool.Import;

/// <summary>How an import ended.</summary>
/// <param name="Snapshot">The final counts.</param>
/// <param name="Rows">Rows of the input.</param>
/// <param name="Problems">Every problem of every invalid row, by line.</param>
/// <param name="UnmappedColumns">Columns that filled no TE field.</param>
/// <param name="StopReason">Why the run stopped before every row was sent, or <c>null</c> when it did not.</param>
/// <param name="ResultsPath">The results file, or <c>null</c> for a dry run.</param>
internal sealed record ImportOutcome(
    ImportSnapshot Snapshot, int Rows, IReadOnlyList<RowProblem> Problems, IReadOnlyList<string> UnmappedColumns, string? StopReason, string? ResultsPath)
{
    public bool Interrupted => StopReason is not null;

    public int ExitCode =>
        Interrupted ? Cli.ExitCodes.Interrupted
        : Problems.Count > 0 || Snapshot.Failed > 0 ? Cli.ExitCodes.RowsRejected
        : Cli.ExitCodes.Success;
}
