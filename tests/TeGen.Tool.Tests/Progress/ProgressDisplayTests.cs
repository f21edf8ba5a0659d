using Microsoft.Extensions.Time.Testing;
using Spectre.Console.Testing;
using TeGen.Tool.Progress;

namespace TeGen.Tool.Tests.Progress;

public sealed class ProgressDisplayTests
{
    [Fact]
    public void A_frame_of_the_live_display_shows_done_total_rate_eta_and_outcomes()
    {
        var time = new FakeTimeProvider();
        var counters = new ImportCounters(total: 2000, invalid: 20, time);
        for (var i = 0; i < 1200; i++)
        {
            counters.Settled(created: i % 60 != 0, duplicate: i % 60 == 0, failed: false);
        }

        time.Advance(TimeSpan.FromSeconds(75));
        var console = new TestConsole().Width(120);

        console.Write(ProgressView.Render("contacts.csv", counters.Snapshot()));

        var bar = new string('━', ProgressView.BarWidth);
        Assert.Equal(
            $"""
            contacts.csv  {bar}  1,200 / 2,000  60%
            16.0 rows/s  ETA 00:00:50  created 1,180  duplicate 20  failed 0  invalid 20

            """.Replace("\r\n", "\n", StringComparison.Ordinal),
            console.Output.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Redirected_output_gets_plain_lines_every_5_percent()
    {
        var time = new FakeTimeProvider();
        var counters = new ImportCounters(total: 100, invalid: 0, time);
        using var output = new StringWriter();
        var plain = new PlainProgress(output, time);

        var result = await plain.RunAsync(counters, async () =>
        {
            for (var i = 0; i < 100; i++)
            {
                counters.Settled(created: true, duplicate: false, failed: false);
                time.Advance(TimeSpan.FromMilliseconds(100));
                if (i % 10 == 9)
                {
                    await Task.Yield();
                }
            }

            return 42;
        }, CancellationToken.None);

        Assert.Equal(42, result);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("100/100 100% 10.0 rows/s ETA 00:00:00 created 100 duplicate 0 failed 0 invalid 0", lines[^1].TrimEnd('\r'));
        Assert.DoesNotContain(lines, l => l.Contains('\u001b', StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_import_with_redirected_output_prints_plain_progress_lines_and_no_escape_codes()
    {
        await using var scenario = await Support.ImportScenario.StartAsync(rows: 60, invalidEvery: 0, tag: "plain");

        var run = await Support.ToolRun.RunAsync(scenario.Settings, scenario.ImportArgs());

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("60/60 100%", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("━", run.Output, StringComparison.Ordinal);
    }
}
