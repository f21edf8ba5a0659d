using System.Text.Json;
using TeGen.Tool.Cli;
using TeGen.Tool.Tests.Support;

namespace TeGen.Tool.Tests.Specs;

public sealed class SpecTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Specs", "Fixtures", name);

    [Fact]
    public async Task Spec_diff_reports_each_change_kind_with_csharp_names_and_whether_it_breaks()
    {
        var run = await ToolRun.RunAsync(new Dictionary<string, string?>(), "spec", "diff", Fixture("old.yaml"), Fixture("new.yaml"), "--output", "json", "--fail-on-breaking");

        Assert.Equal(ExitCodes.SpecProblems, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var changes = json.RootElement.GetProperty("changes").EnumerateArray()
            .Select(c => (c.GetProperty("kind").GetString(), c.GetProperty("name").GetString(), c.GetProperty("breaking").GetBoolean()))
            .ToList();
        Assert.Contains(("added", "ListLoansAsync", false), changes);
        Assert.Contains(("removed", "SendFaxAsync", true), changes);
        Assert.Contains(("added", "Loan", false), changes);
        Assert.Contains(("removed", "FaxCover", true), changes);
        Assert.Contains(("added", "Contact.Birthday", false), changes);
        Assert.Contains(("removed", "Contact.Fax", true), changes);
        Assert.Contains(("retyped", "Contact.ZipCode", true), changes);
        Assert.Contains(("required-changed", "NewContact.LastName", true), changes);
        Assert.Contains(("added", "ListContactsAsync(sort)", false), changes);
        Assert.Equal(9, changes.Count);
        var zip = json.RootElement.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "Contact.ZipCode");
        Assert.Equal("string → int", zip.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Spec_diff_of_a_spec_with_itself_finds_nothing_and_succeeds()
    {
        var run = await ToolRun.RunAsync(new Dictionary<string, string?>(), "spec", "diff", Fixture("old.yaml"), Fixture("old.yaml"), "--fail-on-breaking");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("0 changes, 0 breaking.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Spec_check_on_a_hostile_spec_lists_untyped_operations_with_their_lines()
    {
        var run = await ToolRun.RunAsync(new Dictionary<string, string?>(), "spec", "check", Fixture("hostile.yaml"));

        // The findings are TeGen.Build's own, at the lines a build reports them, plus the names it rewrites.
        Assert.Equal(ExitCodes.SpecProblems, run.ExitCode);
        Assert.Contains("untyped (line 5): TEGEN010: Operation 'ListThings' (GET /v1/things) has no response schema", run.Output, StringComparison.Ordinal);
        Assert.Contains("identifier: create-thing! POST /v1/things (line 13): 'create-thing!' is not a C# identifier; the method is generated as CreateThingAsync", run.Output, StringComparison.Ordinal);
        Assert.Contains("warning (line 30): TEGEN011: Unknown schema type 'thingy'", run.Output, StringComparison.Ordinal);
        Assert.Contains("hostile.yaml: 0 errors, 1 untyped answers, 1 identifiers to sanitize, 1 warnings.", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("GetTyped", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Spec_check_reports_an_invalid_spec_as_the_build_does()
    {
        var spec = Path.Combine(Path.GetTempPath(), $"tegen-broken-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(spec, "openapi: 3.0.3\ninfo: { title: Broken, version: \"1\"\npaths: {}\n");
        try
        {
            var run = await ToolRun.RunAsync(new Dictionary<string, string?>(), "spec", "check", spec);

            Assert.Equal(ExitCodes.SpecProblems, run.ExitCode);
            Assert.Matches(@"error \(line \d+\): TEGEN001: ", run.Output);
        }
        finally
        {
            File.Delete(spec);
        }
    }

    [Fact]
    public async Task Spec_check_of_the_repository_spec_finds_no_untyped_operation()
    {
        var run = await ToolRun.RunAsync(new Dictionary<string, string?>(), "spec", "check", TeGen.Tests.RepoPaths.Spec, "--output", "json");

        using var json = JsonDocument.Parse(run.Output);
        var kinds = json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("kind").GetString()).ToList();
        Assert.DoesNotContain("error", kinds);
        Assert.DoesNotContain("identifier", kinds);
        Assert.True(run.ExitCode is ExitCodes.Success or ExitCodes.SpecProblems, run.Output);
    }
}
