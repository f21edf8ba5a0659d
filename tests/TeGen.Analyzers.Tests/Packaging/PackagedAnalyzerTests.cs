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

    [GeneratedRegex(@"(?<file>\S+)\((?<line>\d+),\d+\): warning (?<id>TE\d{4}):")]
    private static partial Regex Warning();
}
