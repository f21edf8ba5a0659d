using System.CommandLine;
using TeGen.Tool.Cli;
using TeGen.Tool.Progress;

namespace TeGen.Tool.Import;

/// <summary><c>tegen import contacts FILE</c>: options and the action.</summary>
internal static class ImportCommand
{
    public static Command Create(GlobalOptions global, ToolEnvironment environment)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A CSV file with a header row, or a JSON lines file (.jsonl), one contact per row" };
        file.AcceptExistingOnly();
        var map = new Option<string[]>("--map") { Description = "Column=te_field, repeatable (e.g. --map \"E-mail Address=email\"); te_field '-' ignores the column" };
        var mapping = new Option<FileInfo>("--mapping") { Description = "A JSON file of \"Column\": \"te_field\" pairs" };
        mapping.AcceptExistingOnly();
        var owner = new Option<string?>("--owner") { Description = "Owner of rows without owner columns: id:N, email:ADDRESS, username:NAME or external-id:ID (default: TotalExpert:DefaultOwner)" };
        var group = new Option<string[]>("--group") { Description = "A group every contact joins, repeatable (the organization's TotalExpert:RequiredContactGroups are added by the SDK)" };
        var source = new Option<string?>("--source") { Description = "TE's 'source' for rows without one (the system the contacts come from)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Validate every row with the SDK's rules and report; send nothing" };
        var restart = new Option<bool>("--restart") { Description = "Discard the checkpoint and send every valid row again (TE answers 'duplicate' for those it has)" };
        var parallel = new Option<int>("--parallel") { Description = "Requests in flight at most (the SDK paces them to TE's rate limit)", DefaultValueFactory = _ => 8 };
        var checkpoint = new Option<FileInfo?>("--checkpoint") { Description = "The checkpoint journal (default: FILE.tegen-checkpoint.jsonl)" };
        var results = new Option<FileInfo?>("--results") { Description = "The results file (default: FILE.results.csv)" };
        var progress = new Option<ProgressMode>("--progress") { Description = "auto, live, plain or none", DefaultValueFactory = _ => ProgressMode.Auto };

        var contacts = new Command("contacts", "Import contacts from a CSV or JSON lines file, with progress, a results file and resume")
        {
            file, map, mapping, owner, group, source, dryRun, restart, parallel, checkpoint, results, progress,
        };
        contacts.SetAction(async (parse, cancellationToken) =>
        {
            var context = new CommandContext(parse, global, environment);
            var input = parse.GetValue(file)!.FullName;
            ImportSettings settings;
            try
            {
                settings = new ImportSettings(
                    input,
                    parse.GetValue(checkpoint)?.FullName ?? input + ".tegen-checkpoint.jsonl",
                    parse.GetValue(results)?.FullName ?? input + ".results.csv",
                    ColumnMapping.Create(parse.GetValue(map) ?? [], parse.GetValue(mapping)?.FullName),
                    new ContactDefaults(
                        parse.GetValue(owner) is { } o ? OwnerOption.Parse(o) : null,
                        parse.GetValue(group) ?? [],
                        parse.GetValue(source)),
                    parse.GetValue(dryRun),
                    parse.GetValue(restart),
                    Math.Max(1, parse.GetValue(parallel)));
            }
            catch (ArgumentException e)
            {
                return context.Fail(e.Message, ExitCodes.Usage);
            }

            return await ImportRun.RunAsync(context, settings, parse.GetValue(progress), cancellationToken).ConfigureAwait(false);
        });

        return new Command("import", "Import records into TE") { contacts };
    }
}
