using System.CommandLine;
using TeGen.Client;
using TeGen.Tool.Cli;

namespace TeGen.Tool.Export;

/// <summary><c>tegen export contacts</c>: pages through TE's contacts (with filters) into CSV or JSON lines.</summary>
internal static class ExportCommand
{
    public static Command Create(GlobalOptions global, ToolEnvironment environment)
    {
        var format = new Option<ExportFormat>("--format") { Description = "csv (TE's field names as columns; importable again) or jsonl", DefaultValueFactory = _ => ExportFormat.Csv };
        var file = new Option<FileInfo?>("--out") { Description = "The file to write (default: standard output)" };
        var filter = new Option<string[]>("--filter") { Description = "name=value, repeatable, TE's contact filters (e.g. owner_id=101, email=ann@example.com, group_name=Prospects)" };
        var pageSize = new Option<int>("--page-size") { Description = "Contacts per request (TE allows at most 100)", DefaultValueFactory = _ => 100 };
        var contacts = new Command("contacts", "Export contacts, page by page, to CSV or JSON lines") { format, file, filter, pageSize };
        contacts.SetAction(async (parse, cancellationToken) =>
        {
            var context = new CommandContext(parse, global, environment);
            ContactFilter? typed;
            try
            {
                typed = ContactFilters.Parse(parse.GetValue(filter) ?? []);
            }
            catch (ArgumentException e)
            {
                return context.Fail(e.Message, ExitCodes.Usage);
            }

            var target = parse.GetValue(file);
            var count = 0;
            try
            {
                using var te = context.Connect();
                await using var output = target is null ? null : new StreamWriter(target.FullName);
                var writer = new ContactWriter(output ?? environment.Out, parse.GetValue(format));
                var size = Math.Clamp(parse.GetValue(pageSize), 1, 100);
                var all = typed is null
                    ? te.Admin.Contacts.ListAllContactsAsync(size, cancellationToken: cancellationToken)
                    : te.Admin.Contacts.ListAllContactsAsync(typed, size, cancellationToken: cancellationToken);
                await foreach (var contact in all.ConfigureAwait(false))
                {
                    await writer.WriteAsync(contact, cancellationToken).ConfigureAwait(false);
                    count++;
                }
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or TotalExpertApiException or TotalExpertRequestValidationException)
            {
                return context.Fail(e.Message);
            }

            var summary = $"Exported {count} contacts{(target is null ? "" : " to " + target.FullName)}.";
            (target is null ? environment.Error : environment.Out).WriteLine(
                context.Output == OutputFormat.Json && target is not null ? System.Text.Json.JsonSerializer.Serialize(new { exported = count, file = target.FullName }) : summary);
            return ExitCodes.Success;
        });

        return new Command("export", "Export records from TE") { contacts };
    }
}
