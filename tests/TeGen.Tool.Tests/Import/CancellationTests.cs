using Microsoft.Extensions.Configuration;
using TeGen.Tool.Cli;
using TeGen.Tool.Tests.Support;

namespace TeGen.Tool.Tests.Import;

public sealed class CancellationTests
{
    private const int Rows = 600;

    [Fact]
    public async Task Ctrl_c_stops_with_exit_code_3_recording_what_was_sent_and_the_next_run_finishes_the_rest()
    {
        await using var scenario = await ImportScenario.StartAsync(Rows, invalidEvery: 0, tag: "cancel");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(scenario.Settings).Build();
        var output = new WatchingWriter(line => ProgressLines.Done(line) >= Rows / 5);
        using var ctrlC = new CancellationTokenSource();
        var environment = new ToolEnvironment(output, TextWriter.Null, Interactive: false, TimeProvider.System, configuration);

        var run = TegenCli.RunAsync(scenario.ImportArgs("--progress", "plain"), environment, ctrlC.Token);
        await Task.WhenAny(output.Reached, run);
        await ctrlC.CancelAsync();
        var exit = await run;

        Assert.Equal(ExitCodes.Interrupted, exit);
        Assert.Contains("Stopped early: cancelled (Ctrl+C)", output.ToString(), StringComparison.Ordinal);
        var results = File.ReadAllLines(scenario.Input + ".results.csv").Skip(1).Select(l => l.Split(',')[1]).ToList();
        var stored = scenario.Sandbox.Inspector.GetState().Contacts.Count;
        Assert.Equal(Rows, results.Count);
        Assert.Contains("pending", results);
        Assert.Equal(stored, results.Count(r => r == "created"));

        var resumed = await ToolRun.RunAsync(scenario.Settings, scenario.ImportArgs("--progress", "none"));
        Assert.Equal(ExitCodes.Success, resumed.ExitCode);
        Assert.Equal(Rows, scenario.Sandbox.Inspector.GetState().Contacts.Count);

        // Rows in flight at Ctrl+C had 5 seconds to be answered and recorded; one slower than that is sent again (a duplicate).
        Assert.InRange(SandboxFactory.ContactPosts(scenario.Sandbox), Rows, Rows + 8);
    }
}
