namespace TeGen.Tool.Import;

/// <summary>What one <c>tegen import contacts</c> run does.</summary>
/// <param name="InputPath">The CSV or JSON lines file.</param>
/// <param name="JournalPath">The checkpoint journal (default beside the input: <c>FILE.tegen-checkpoint.jsonl</c>).</param>
/// <param name="ResultsPath">The results file (default beside the input: <c>FILE.results.csv</c>).</param>
/// <param name="Mapping">Column to TE field.</param>
/// <param name="Defaults">Owner, groups and source for rows that do not name them.</param>
/// <param name="DryRun">Validate only: nothing is sent and no checkpoint is written.</param>
/// <param name="Restart">Discard the checkpoint and send every valid row again (TE deduplicates what it already has).</param>
/// <param name="Parallel">Requests in flight at most; the SDK's limiter paces them to TE's limit.</param>
internal sealed record ImportSettings(
    string InputPath, string JournalPath, string ResultsPath, ColumnMapping Mapping, ContactDefaults Defaults, bool DryRun, bool Restart, int Parallel);
