namespace TeGen.Tool.Cli;

/// <summary>What <c>tegen</c> exits with, so scripts can tell a finished import from one to run again.</summary>
internal static class ExitCodes
{
    /// <summary>Everything was done: every row imported (created or deduplicated), the spec is clean, ...</summary>
    public const int Success = 0;

    /// <summary>The command line was wrong (System.CommandLine's own code for a parse error).</summary>
    public const int Usage = 1;

    /// <summary>The import finished, but some rows are invalid (never sent) or TE refused them: see the results file.</summary>
    public const int RowsRejected = 2;

    /// <summary>The import stopped early (Ctrl+C, token budget spent, TE unreachable): run the same command again to resume.</summary>
    public const int Interrupted = 3;

    /// <summary>Nothing could be done: missing credentials, an unreadable input, a checkpoint for another file.</summary>
    public const int Failed = 4;

    /// <summary><c>spec check</c> found problems, or <c>spec diff --fail-on-breaking</c> found a breaking change.</summary>
    public const int SpecProblems = 5;
}
