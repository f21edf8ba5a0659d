using System.Text.RegularExpressions;

namespace TeGen.Build.Tests;

/// <summary>
/// tests/fixtures/HostileConsumer: a spec TeGen did not write (108 operations; tags with spaces and parentheses,
/// example-only responses, snake_case, hyphenated and bracketed parameters, C# keywords, leading digits, missing
/// and repeated operationIds) builds through the packed TeGen.Build into a client that compiles and sends the
/// spec's own names.
/// </summary>
[Collection(PackedTeGenBuildCollection.Name)]
public partial class HostileSpecBuildTests(PackedTeGenBuild package)
{
    [Fact]
    public async Task Hostile_spec_compiles_with_one_warning_per_untyped_operation_and_keeps_the_wire_names()
    {
        var consumer = package.NewConsumer("HostileConsumer", "hostile.openapi.yaml");
        var untyped = UntypedOperationLines(consumer.SpecPath);
        Assert.Equal(60, untyped.Count);

        var build = await consumer.BuildAsync();

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.DoesNotMatch(@"error (CS|TEGEN)\d+", build.Output);
        Assert.Contains("0 Error(s)", build.Output);

        // MSBuild repeats every warning in its summary (without the node prefix "1>"): count the distinct ones.
        var warnings = Warning().Matches(build.Output).Select(m => m.Groups[1].Value.TrimEnd()).Distinct().ToList();
        var untypedWarnings = warnings.Where(w => w.Contains("TEGEN010", StringComparison.Ordinal)).ToList();
        Assert.Equal(untyped.Count, untypedWarnings.Count);
        foreach (var line in untyped)
        {
            Assert.Single(untypedWarnings, w => w.StartsWith($"{consumer.SpecPath}({line},", StringComparison.Ordinal));
        }

        Assert.Contains(untypedWarnings, w => w.Contains("Operation 'Create0' (POST /v2/lead-opportunities) has no response schema: the generated method returns Task and discards the response body", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("TEGEN011: Unknown schema type 'strnig'", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("TEGEN012: operationId 'listThings' is also used at line", StringComparison.Ordinal));
        Assert.All(warnings, w => Assert.Matches("TEGEN01[012]", w));

        var run = await consumer.RunBuiltAsync();
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            [
                "GET /v1/lead-opportunities?page[number]=2&page[size]=5&first_name=Ann&sort-by=name&class=A&2fa=true X-Request-Id=r-1",
                """POST /v1/lead-opportunities {"first_name":"Ann","2fa_enabled":true,"class":"gold"}""",
                "GET /v1/lead-opportunities/7",
                "POST /v1/lead-opportunities/search?filter[owner.email]=jo@example.com&event=open&pageNumber=1",
                """POST /v2/lead-opportunities {"first_name":"Bo"}""",
                "read 7 Ann",
                "IContactEndpointsClient IContactNotesClient I_2021LoansClient IEventsWebinarsClient IClassClient",
            ],
            run.Output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>The lines of the operations whose 2xx response has an example and no schema, read from the fixture itself.</summary>
    private static List<int> UntypedOperationLines(string spec)
    {
        var lines = File.ReadAllLines(spec);
        var result = new List<int>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (OperationKey().IsMatch(lines[i]))
            {
                var end = Array.FindIndex(lines, i + 1, l => OperationKey().IsMatch(l) || l.StartsWith("  /", StringComparison.Ordinal) || l.StartsWith("components:", StringComparison.Ordinal));
                var body = lines[(i + 1)..(end < 0 ? lines.Length : end)];
                if (body.Any(l => l.TrimStart().StartsWith("example:", StringComparison.Ordinal)))
                {
                    result.Add(i + 1);
                }
            }
        }

        return result;
    }

    [GeneratedRegex(@"^    (get|post|patch|put|delete):")]
    private static partial Regex OperationKey();

    [GeneratedRegex(@"(?:^|[\s>])(/[^\s(]+\(\d+,\d+\): TeGen warning TEGEN\d+: [^\[\r\n]*)", RegexOptions.Multiline)]
    private static partial Regex Warning();
}
