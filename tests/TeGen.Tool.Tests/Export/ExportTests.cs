using TeGen.Tool.Cli;
using TeGen.Tool.Tests.Support;

namespace TeGen.Tool.Tests.Export;

public sealed class ExportTests
{
    [Fact]
    public async Task Export_round_trips_what_was_imported_and_reimporting_it_only_finds_duplicates()
    {
        await using var scenario = await ImportScenario.StartAsync(rows: 120, invalidEvery: 0, tag: "export");
        var (sandbox, temp, input, settings) = (scenario.Sandbox, scenario.Temp, scenario.Input, scenario.Settings);
        var imported = await ToolRun.RunAsync(settings, "import", "contacts", input, "--owner", "email:jane.doe@acme.example", "--source", "Legacy CRM", "--progress", "none");
        Assert.True(imported.ExitCode == ExitCodes.Success, imported.Output + imported.Error);

        var exported = temp.File("exported.csv");
        var export = await ToolRun.RunAsync(settings, "export", "contacts", "--out", exported, "--page-size", "25", "--filter", "owner_id=101");
        Assert.True(export.ExitCode == ExitCodes.Success, export.Output + export.Error);

        static IEnumerable<string> Rows(string path, params string[] columns)
        {
            var lines = File.ReadAllLines(path);
            var header = lines[0].Split(',');
            var indexes = columns.Select(c => Array.IndexOf(header, c)).ToArray();
            return lines.Skip(1).Select(l => SplitCsv(l)).Select(cells => string.Join('|', indexes.Select(i => cells[i]))).Order(StringComparer.Ordinal);
        }

        Assert.Equal(
            Rows(input, "First Name", "Last Name", "E-mail", "Phone", "Birthday", "Groups"),
            Rows(exported, "first_name", "last_name", "email", "phone_cell", "birthday", "contact_groups"));

        var jsonl = await ToolRun.RunAsync(settings, "export", "contacts", "--format", "jsonl", "--filter", "email=ann7.export@example.com");
        Assert.Equal(ExitCodes.Success, jsonl.ExitCode);
        var line = Assert.Single(jsonl.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using (var contact = System.Text.Json.JsonDocument.Parse(line))
        {
            Assert.Equal("Ann7", contact.RootElement.GetProperty("first_name").GetString());
            Assert.Equal(101, contact.RootElement.GetProperty("owner").GetProperty("id").GetInt64());
        }

        var again = await ToolRun.RunAsync(settings, "import", "contacts", exported, "--progress", "none", "--output", "json");
        Assert.True(again.ExitCode == ExitCodes.Success, again.Output + again.Error);
        using var summary = System.Text.Json.JsonDocument.Parse(again.Output);
        Assert.Equal(120, summary.RootElement.GetProperty("duplicate").GetInt32());
        Assert.Equal(120, sandbox.Inspector.GetState().Contacts.Count);
    }

    [Fact]
    public async Task An_unknown_filter_is_refused_naming_the_known_ones_before_anything_is_sent()
    {
        await using var sandbox = await SandboxFactory.StartAsync();
        using var temp = new TempDirectory();
        var settings = ToolRun.Settings(sandbox, temp.File("tokens"), SandboxFactory.RequestLimit, SandboxFactory.Window);

        var run = await ToolRun.RunAsync(settings, "export", "contacts", "--filter", "colour=blue");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("'colour' is not a filter", run.Error, StringComparison.Ordinal);
        Assert.Contains("owner_id", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, sandbox.Inspector.GetRequestStats().TotalRequests);
    }

    private static string[] SplitCsv(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                cell.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return [.. cells];
    }
}
