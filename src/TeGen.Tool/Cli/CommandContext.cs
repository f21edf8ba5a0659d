using System.CommandLine;
using Microsoft.Extensions.Configuration;
using TeGen.Tool.Configuration;

namespace TeGen.Tool.Cli;

/// <summary>What a command's action needs from the parse: the environment, the global options and the configuration.</summary>
internal sealed class CommandContext(ParseResult parse, GlobalOptions options, ToolEnvironment environment)
{
    // Read at once, so a secret given as a flag is warned about whatever the command does next.
    private readonly IConfiguration _configuration = ToolConfiguration.Build(parse, options, environment);

    public ParseResult Parse => parse;

    public ToolEnvironment Environment => environment;

    public OutputFormat Output => parse.GetValue(options.Output);

    public string? Organization => parse.GetValue(options.Organization);

    public IConfiguration Configuration => _configuration;

    public TeClients Connect() => TeClients.Open(Configuration, Organization, environment.Time);

    /// <summary>Reports a failure that stops the command, on standard error (and as JSON with <c>--output json</c>).</summary>
    public int Fail(string message, int exitCode = ExitCodes.Failed)
    {
        if (Output == OutputFormat.Json)
        {
            environment.Out.WriteLine(System.Text.Json.JsonSerializer.Serialize(new { error = message, exit_code = exitCode }));
        }

        environment.Error.WriteLine("error: " + message);
        return exitCode;
    }
}
