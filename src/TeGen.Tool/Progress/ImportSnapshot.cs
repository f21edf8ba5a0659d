namespace TeGen.Tool.Progress;

/// <summary>How far an import is, at one moment: what the progress display and the summary show.</summary>
/// <param name="Total">Valid rows of the input (the rows to import).</param>
/// <param name="Done">Rows settled, in earlier runs included.</param>
/// <param name="Created">Contacts TE created.</param>
/// <param name="Duplicates">Rows TE matched to an existing contact.</param>
/// <param name="Failed">Rows TE refused or that failed.</param>
/// <param name="Invalid">Rows never sent because they break TE's rules.</param>
/// <param name="Resumed">Rows settled by an earlier run (not sent again).</param>
/// <param name="RowsPerSecond">This run's rate.</param>
/// <param name="Remaining">The estimated time left, or <c>null</c> before there is a rate.</param>
internal sealed record ImportSnapshot(
    int Total, int Done, int Created, int Duplicates, int Failed, int Invalid, int Resumed, double RowsPerSecond, TimeSpan? Remaining)
{
    public double Fraction => Total == 0 ? 1 : (double)Done / Total;
}
