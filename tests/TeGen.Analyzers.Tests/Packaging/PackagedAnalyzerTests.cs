using System.Text.RegularExpressions;

namespace TeGen.Analyzers.Tests.Packaging;

/// <summary>
/// A customer project that references the TeGen.Client package gets TeGen's diagnostics from `dotnet build`, with
/// file and line, its MSBuild properties reach the analyzers, and the warnings go once the code is fixed.
/// </summary>
public partial class PackagedAnalyzerTests(PackedTeGenClient package) : IClassFixture<PackedTeGenClient>
{
    [Fact]
    public async Task Build_reports_the_marked_lines_and_nothing_once_they_are_fixed()
    {
        var consumer = package.NewConsumer();
        var program = Path.Combine(consumer, "Program.cs");
        var expected = File.ReadAllLines(program)
            .Select((line, index) => (Marker: Expectation().Match(line), Line: index + 1))
            .Where(l => l.Marker.Success)
            .Select(l => $"{l.Marker.Groups[1].Value} at {l.Line}")
            .Order()
            .ToList();
        Assert.Equal(["TE0001 at 14", "TE0001 at 8", "TE0002 at 10"], expected);

        var build = await package.BuildAsync(consumer);

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Equal(expected, Reported(build.Output, program));

        File.WriteAllText(program, File.ReadAllText(program)
            .Replace("new NewContact {", "new NewContact { Owner = OwnerRef.ById(1),")
            .Replace("new NewContactNote {", "new NewContactNote { Owner = OwnerRef.ByUsername(\"ann\"),")
            .Replace("\"Loan application submitted\"", "\"Acme Lending: Loan application submitted\""));
        var fixedBuild = await package.BuildAsync(consumer);

        Assert.True(fixedBuild.ExitCode == 0, fixedBuild.ToString());
        Assert.Empty(Reported(fixedBuild.Output, program));
        Assert.DoesNotContain("warning TE", fixedBuild.Output);
    }

    [Fact]
    public async Task Required_groups_arrive_whole_from_an_msbuild_list_and_from_an_editorconfig_list()
    {
        var consumer = package.NewConsumer();
        var project = Path.Combine(consumer, "AnalyzerConsumer.csproj");
        File.WriteAllText(project, File.ReadAllText(project).Replace(
            "<TeGenMode>admin</TeGenMode>", "<TeGenMode>admin</TeGenMode>\n    <TeGenRequiredGroups>Prospects;Active Customers</TeGenRequiredGroups>"));
        File.WriteAllText(Path.Combine(consumer, "Groups.cs"), """
            using TeGen.Client;

            static class Groups
            {
                public static NewContact Lead() => new NewContact { ContactGroups = [new ContactGroupRef { GroupName = "prospects" }] };
            }
            """);
        Directory.CreateDirectory(Path.Combine(consumer, "Imports"));
        File.WriteAllText(Path.Combine(consumer, "Imports", "Import.cs"), """
            using TeGen.Client;

            static class Import
            {
                public static NewContact Row() => new NewContact { ContactGroups = [] };
            }
            """);
        File.WriteAllText(Path.Combine(consumer, ".editorconfig"), """
            [Imports/*.cs]
            tegen.required_groups = Imported, Newsletter
            """);

        var build = await package.BuildAsync(consumer);

        Assert.True(build.ExitCode == 0, build.ToString());
        var groups = Messages(build.Output, "TE0005");
        Assert.Contains(groups, m => m.File.EndsWith("Groups.cs") && m.Text.Contains("group 'Active Customers';"));
        Assert.Contains(groups, m => m.File.EndsWith("Import.cs") && m.Text.Contains("groups 'Imported', 'Newsletter';"));
        Assert.Contains(groups, m => m.File.EndsWith("Program.cs") && m.Text.Contains("groups 'Prospects', 'Active Customers';"));
    }

    private static List<(string File, string Text)> Messages(string output, string id) =>
        Warning().Matches(output)
            .Where(m => m.Groups["id"].Value == id)
            .Select(m => (m.Groups["file"].Value, m.Groups["text"].Value))
            .ToList();

    /// <summary>"TE0001 at 8" for each distinct warning MSBuild printed for <paramref name="file"/> (it may print one twice).</summary>
    private static List<string> Reported(string output, string file) =>
        Warning().Matches(output)
            .Where(m => m.Groups["file"].Value == file)
            .Select(m => $"{m.Groups["id"].Value} at {m.Groups["line"].Value}")
            .Distinct()
            .Order()
            .ToList();

    [GeneratedRegex(@"// expect (TE\d{4})")]
    private static partial Regex Expectation();

    [GeneratedRegex(@"(?<file>\S+)\((?<line>\d+),\d+\): warning (?<id>TE\d{4}): (?<text>[^\r\n]*)")]
    private static partial Regex Warning();
}
