using System.Globalization;
using TeGen.Tool.Cli;
using TeGen.Tool.Tests.Support;
using Xunit.Abstractions;

namespace TeGen.Tool.Tests.Import;

public sealed class ImportTests(ITestOutputHelper log)
{
    private const int Rows = 2000;

    [Fact]
    public async Task Imports_2000_rows_at_the_limit_without_a_429_and_a_second_run_sends_nothing()
    {
        await using var scenario = await ImportScenario.StartAsync(Rows, invalidEvery: 50, tag: "import");
        var (sandbox, input, invalid, settings) = (scenario.Sandbox, scenario.Input, scenario.Invalid, scenario.Settings);
        var args = scenario.ImportArgs("--progress", "plain");

        var started = TimeProvider.System.GetTimestamp();
        var first = await ToolRun.RunAsync(settings, args);
        var elapsed = TimeProvider.System.GetElapsedTime(started);

        Assert.True(first.ExitCode == ExitCodes.RowsRejected, first.Output + first.Error);
        var stats = sandbox.Inspector.GetRequestStats();
        Assert.Equal(0, stats.TooManyRequests);
        Assert.Equal(1, stats.TokenRequests);
        var stored = sandbox.Inspector.GetState().Contacts;
        Assert.Equal(Rows - invalid.Count, stored.Count);
        Assert.Equal(Rows - invalid.Count, stored.Select(c => c["email"]).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(stored, c => Assert.Equal("101", c.OwnerId?.ToString(CultureInfo.InvariantCulture)));

        // Invalid rows are reported with their line and field, and never sent.
        var storedEmails = stored.Select(c => c["email"]!).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var line in invalid)
        {
            Assert.DoesNotContain(ContactFiles.Email("import", line - 1), storedEmails);
        }

        Assert.Contains("line 51: birthday: 'not-a-date' cannot be read", first.Output, StringComparison.Ordinal);
        Assert.Contains("line 101: last_name: is required", first.Output, StringComparison.Ordinal);

        // The results file has every row, in order, with TE's id or the reason.
        var results = File.ReadAllLines(input + ".results.csv");
        Assert.Equal(Rows + 1, results.Length);
        Assert.Equal(Enumerable.Range(2, Rows).Select(l => l.ToString(CultureInfo.InvariantCulture)), results.Skip(1).Select(r => r.Split(',')[0]));
        Assert.Equal(Rows - invalid.Count, results.Count(r => r.Contains(",created,", StringComparison.Ordinal)));
        Assert.Equal(invalid.Count, results.Count(r => r.Contains(",invalid,", StringComparison.Ordinal)));

        var rate = (Rows - invalid.Count) / elapsed.TotalSeconds;
        var allowed = SandboxFactory.RequestLimit / SandboxFactory.Window.TotalSeconds;
        log.WriteLine($"{Rows - invalid.Count} contacts in {elapsed.TotalSeconds:0.0} s: {rate:0.0} rows/s against an allowed {allowed:0} requests/s ({rate / allowed:P0}), 0 x 429");

        // A second run over the same file sends nothing new.
        var posts = SandboxFactory.ContactPosts(sandbox);
        var second = await ToolRun.RunAsync(settings, args);
        Assert.Equal(ExitCodes.RowsRejected, second.ExitCode);
        Assert.Equal(posts, SandboxFactory.ContactPosts(sandbox));
        Assert.Contains($"{Rows - invalid.Count:N0} from an earlier run", second.Output, StringComparison.Ordinal);
        Assert.Equal(1, sandbox.Inspector.GetRequestStats().TokenRequests);
    }

    [Fact]
    public async Task A_dry_run_reports_invalid_rows_by_line_and_field_and_sends_nothing()
    {
        await using var sandbox = await SandboxFactory.StartAsync();
        using var temp = new TempDirectory();
        var input = temp.File("contacts.jsonl");
        File.WriteAllLines(input,
        [
            """{"first_name":"Ann","last_name":"Lee","email":"ann@example.com","zip_code":55401}""",
            "",
            """{"first_name":"Bob","last_name":"Ray"}""",
            """{"first_name":"Cy","last_name":"Poe","phone_cell":"555-0100","ok_to_call":"maybe"}""",
        ]);
        var settings = ToolRun.Settings(sandbox, temp.File("tokens"), SandboxFactory.RequestLimit, SandboxFactory.Window);

        var run = await ToolRun.RunAsync(settings, "import", "contacts", input, "--dry-run", "--owner", "username:jane-doe-acme", "--source", "Legacy CRM", "--output", "json");

        Assert.Equal(ExitCodes.RowsRejected, run.ExitCode);
        using var json = System.Text.Json.JsonDocument.Parse(run.Output);
        var problems = json.RootElement.GetProperty("invalid_rows").EnumerateArray()
            .Select(p => (p.GetProperty("line").GetInt32(), p.GetProperty("field").GetString())).ToList();
        Assert.Contains((3, "email"), problems);
        Assert.Contains((4, "ok_to_call"), problems);
        Assert.DoesNotContain(problems, p => p.Item1 == 1);
        Assert.Equal(0, sandbox.Inspector.GetRequestStats().TotalRequests);
        Assert.False(File.Exists(input + ".tegen-checkpoint.jsonl"));
    }
}
