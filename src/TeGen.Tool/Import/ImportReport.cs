using System.Text.Json;
using TeGen.Tool.Cli;
using TeGen.Tool.Progress;

namespace TeGen.Tool.Import;

/// <summary>The end of an import: a summary for people, or one JSON document with <c>--output json</c>.</summary>
internal static class ImportReport
{
    // Invalid rows listed on the console; the results file has all of them.
    private const int Listed = 20;

    public static void Write(CommandContext context, ImportSettings settings, ImportOutcome outcome)
    {
        var output = context.Environment.Out;
        var s = outcome.Snapshot;
        if (context.Output == OutputFormat.Json)
        {
            output.WriteLine(JsonSerializer.Serialize(new
            {
                input = settings.InputPath,
                dry_run = settings.DryRun,
                rows = outcome.Rows,
                valid = s.Total,
                invalid = s.Invalid,
                done = s.Done,
                created = s.Created,
                duplicate = s.Duplicates,
                failed = s.Failed,
                resumed = s.Resumed,
                rows_per_second = Math.Round(s.RowsPerSecond, 1),
                interrupted = outcome.Interrupted,
                stop_reason = outcome.StopReason,
                results = outcome.ResultsPath,
                checkpoint = settings.DryRun ? null : settings.JournalPath,
                unmapped_columns = outcome.UnmappedColumns,
                invalid_rows = outcome.Problems.Select(p => new { line = p.Line, field = p.Field, message = p.Message }),
                exit_code = outcome.ExitCode,
            }));
            return;
        }

        var file = Path.GetFileName(settings.InputPath);
        if (outcome.UnmappedColumns.Count > 0)
        {
            context.Environment.Error.WriteLine($"warning: columns that fill no TE field (map them with --map Column=te_field): {string.Join(", ", outcome.UnmappedColumns)}");
        }

        output.WriteLine(settings.DryRun
            ? $"Checked {file}: {ProgressText.Count(outcome.Rows)} rows, {ProgressText.Count(s.Total)} valid, {ProgressText.Count(s.Invalid)} invalid. Nothing was sent (--dry-run)."
            : $"{(outcome.Interrupted ? "Stopped" : "Imported")} {file}: {ProgressText.Count(s.Done)} of {ProgressText.Count(s.Total)} valid rows done " +
              $"(created {ProgressText.Count(s.Created)}, duplicate {ProgressText.Count(s.Duplicates)}, failed {ProgressText.Count(s.Failed)}" +
              (s.Resumed > 0 ? $", {ProgressText.Count(s.Resumed)} from an earlier run" : "") + $"); {ProgressText.Count(s.Invalid)} invalid rows never sent.");
        if (outcome.Problems.Count > 0)
        {
            output.WriteLine("Invalid rows (line: field: problem):");
            foreach (var problem in outcome.Problems.Take(Listed))
            {
                output.WriteLine($"  line {problem.Line}: {problem.Field}: {problem.Message}");
            }

            if (outcome.Problems.Count > Listed)
            {
                output.WriteLine($"  ... and {outcome.Problems.Count - Listed} more{(settings.DryRun ? "" : " (all are in the results file)")}");
            }
        }

        if (outcome.StopReason is { } reason)
        {
            output.WriteLine($"Stopped early: {reason}. Run the same command again to resume; rows already done are not sent again.");
        }

        if (outcome.ResultsPath is { } results)
        {
            output.WriteLine($"Results: {results}");
            output.WriteLine($"Checkpoint: {settings.JournalPath}");
        }
    }
}
