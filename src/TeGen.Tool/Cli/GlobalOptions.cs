using System.CommandLine;

namespace TeGen.Tool.Cli;

/// <summary>The options every <c>tegen</c> command takes (recursive on the root command).</summary>
internal sealed class GlobalOptions
{
    public Option<OutputFormat> Output { get; } = new("--output")
    {
        Description = "text (for people; a live progress bar on a terminal) or json (one JSON document, no progress display)",
        DefaultValueFactory = _ => OutputFormat.Text,
        Recursive = true,
    };

    public Option<string?> Organization { get; } = new("--organization")
    {
        Description = "The organization to act for, configured under TotalExpert:Organizations:<name> (multi-tenant setups)",
        Recursive = true,
    };

    public Option<FileInfo?> Config { get; } = new("--config")
    {
        Description = "A JSON settings file with a TotalExpert section (read after user secrets, before environment variables)",
        Recursive = true,
    };

    public Option<DirectoryInfo?> TokenCache { get; } = new("--token-cache")
    {
        Description = "Where tokens are cached between runs (default: the user's local data folder, tegen/tokens); TE allows 2 token requests per hour",
        Recursive = true,
    };

    // Accepted so a script that passes it still works, but warned about: a secret on the command line lands in shell
    // history and in the process list.
    public Option<string?> ClientSecret { get; } = new("--client-secret")
    {
        Description = "Discouraged (lands in shell history): use TotalExpert__ClientSecret or user secrets instead",
        Recursive = true,
        Hidden = true,
    };

    public void AddTo(RootCommand root)
    {
        root.Add(Output);
        root.Add(Organization);
        root.Add(Config);
        root.Add(TokenCache);
        root.Add(ClientSecret);
    }
}
