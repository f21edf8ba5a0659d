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

        Assert.Equal(ExitCodes.SpecProblems, run.ExitCode);
        Assert.Contains("untyped: ListThings GET /v1/things (line 6): the 200 answer (application/json) has no schema", run.Output, StringComparison.Ordinal);
        Assert.Contains("untyped: create-thing! POST /v1/things (line 13): the 201 answer (application/json) has an empty schema", run.Output, StringComparison.Ordinal);
        Assert.Contains("identifier: create-thing! POST /v1/things (line 13): 'create-thing!' is not a C# identifier; the method is generated as CreateThingAsync", run.Output, StringComparison.Ordinal);
        Assert.Contains("Invalid schema type identifier: thingy", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("GetTyped", run.Output, StringComparison.Ordinal);
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
