using Microsoft.Extensions.Configuration;

namespace TeGen.Tool.Cli;

/// <summary>
/// What a run of <c>tegen</c> talks to: its output streams, whether a person is watching them, the clock and the
/// configuration that tests supply in place of the process's environment.
/// </summary>
/// <param name="Out">Standard output: results, summaries, the progress display.</param>
/// <param name="Error">Standard error: warnings and errors.</param>
/// <param name="Interactive">Whether standard output is a terminal (a live progress bar); otherwise plain lines.</param>
/// <param name="Time">The clock for rates, ETAs and refreshes.</param>
/// <param name="Configuration">Configuration added after the environment variables (tests); <c>null</c> for none.</param>
internal sealed record ToolEnvironment(TextWriter Out, TextWriter Error, bool Interactive, TimeProvider Time, IConfiguration? Configuration = null)
{
    /// <summary>The process's own console and clock.</summary>
    public static ToolEnvironment FromProcess() =>
        new(Console.Out, Console.Error, Interactive: !Console.IsOutputRedirected, TimeProvider.System);
}
