namespace TeGen.Tool.Cli;

/// <summary>How a command reports: for people, or one JSON document for scripts and CI.</summary>
internal enum OutputFormat
{
    /// <summary>Text for people; a live progress bar when standard output is a terminal.</summary>
    Text,

    /// <summary>One JSON document on standard output and no progress display.</summary>
    Json,
}
