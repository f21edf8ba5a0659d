using Spectre.Console;
using TeGen.Tool.Cli;
using TeGen.Tool.Progress;

namespace TeGen.Tool.Import;

/// <summary>Runs an import for the command line: connects to TE, picks the progress display, reports the outcome.</summary>
internal static class ImportRun
{
    public static async Task<int> RunAsync(CommandContext context, ImportSettings settings, ProgressMode mode, CancellationToken cancellationToken)
    {
        var environment = context.Environment;
        ImportOutcome outcome;
        try
        {
            using var te = context.Connect();
            var job = new ImportJob(settings, te.Admin, new ContactValidator(te.Validator), environment.Time);
            outcome = await job.RunAsync(Progress(context, mode, Path.GetFileName(settings.InputPath)), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidOperationException or InputFormatException or IOException or UnauthorizedAccessException)
        {
            return context.Fail(e.Message);
        }

        ImportReport.Write(context, settings, outcome);
        return outcome.ExitCode;
    }

    private static IImportProgress Progress(CommandContext context, ProgressMode mode, string title)
    {
        var environment = context.Environment;
        if (context.Output == OutputFormat.Json && mode == ProgressMode.Auto)
        {
            return new NoProgress();
        }

        return (mode, environment.Interactive) switch
        {
            (ProgressMode.None, _) => new NoProgress(),
            (ProgressMode.Plain, _) or (ProgressMode.Auto, false) => new PlainProgress(environment.Out, environment.Time),
            _ => new LiveProgress(
                AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(environment.Out), Interactive = InteractionSupport.Yes }),
                title,
                environment.Time),
        };
    }
}
