using TeGen.Benchmarks.Throughput;
using Xunit.Abstractions;

namespace TeGen.Benchmarks.Tests;

/// <summary>
/// The throughput harness's quick mode, run in-process on every CI build: TeGen must create every contact at a
/// scaled-down limit without a single 429 and with one token request for its one credential, from one client
/// instance and from eight sharing the process's limiter and token store.
/// </summary>
public class ThroughputQuickModeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Quick_mode_stores_every_contact_without_a_429_and_with_one_token_request_per_credential()
    {
        var options = HarnessOptions.QuickRun;

        var results = await ThroughputHarness.RunAsync(options, output.WriteLine);

        output.WriteLine(ResultTable.Format(options, results));
        Assert.Equal(options.Instances, results.Select(r => r.Instances));
        Assert.All(results, r =>
        {
            Assert.Equal("TeGen", r.Client);
            Assert.Equal(0, r.TooManyRequests);
            Assert.Equal(r.Sent, r.Stored);
            Assert.Equal(0, r.Failed);
            Assert.Equal(1, r.TokenRequests);
            Assert.Empty(r.Problems());
        });
    }

    [Fact]
    public void Quick_mode_is_small_and_judges_TeGen_only()
    {
        var options = HarnessOptions.Parse(["--quick"]);

        Assert.True(options.Quick);
        Assert.False(options.IncludeNaive);
        Assert.Equal([1, 8], options.Instances);
        Assert.True(options.Contacts <= 3 * options.RequestLimit, "quick mode must finish in a few windows");
    }

    [Fact]
    public void A_scenario_with_a_429_a_lost_contact_or_a_second_token_request_reports_each_problem()
    {
        var clean = new ScenarioResult("TeGen", 1, 10, 10, 0, 0, 1, 11, TimeSpan.FromSeconds(1), 10, 10);
        var broken = clean with { TooManyRequests = 2, Stored = 9, Failed = 1, TokenRequests = 2 };

        Assert.Empty(clean.Problems());
        Assert.Equal(3, broken.Problems().Count);
    }

    [Fact]
    public void Unknown_or_malformed_arguments_are_refused()
    {
        Assert.Throws<ArgumentException>(() => HarnessOptions.Parse(["--contacts"]));
        Assert.Throws<ArgumentException>(() => HarnessOptions.Parse(["--contacts", "-5"]));
        Assert.Throws<ArgumentException>(() => HarnessOptions.Parse(["--fast"]));
        Assert.Equal(120, HarnessOptions.Parse(["--quick", "--contacts", "120"]).Contacts);
    }
}
