using TeGen.Tool.Cli;
using TeGen.Tool.Tests.Support;

namespace TeGen.Tool.Tests.Import;

public sealed class KillAndResumeTests
{
    private const int Rows = 2000;

    [Fact]
    public async Task A_killed_import_resumes_and_every_valid_row_is_stored_exactly_once()
    {
        // The sandbox is the test's: it outlives the killed child.
        await using var scenario = await ImportScenario.StartAsync(Rows, invalidEvery: 100, tag: "kill");
        var (sandbox, input, invalid, settings) = (scenario.Sandbox, scenario.Input, scenario.Invalid, scenario.Settings);
        var args = scenario.ImportArgs("--progress", "plain");

        // Killed once the plain progress says a fifth of the rows are done.
        using (var child = new ChildTool(settings, line => ProgressLines.Done(line) >= Rows / 5, args))
        {
            var finished = await Task.WhenAny(child.Reached, child.ExitAsync());
            Assert.True(finished == child.Reached, "the import ended before it could be killed:\n" + child.Output);
            child.Kill();
            await child.ExitAsync();
        }

        var storedAtKill = sandbox.Inspector.GetState().Contacts.Count;
        Assert.InRange(storedAtKill, Rows / 5, Rows - invalid.Count - 1);

        using (var resumed = new ChildTool(settings, until: null, args))
        {
            Assert.Equal(ExitCodes.RowsRejected, await resumed.ExitAsync());
            Assert.Contains("from an earlier run", resumed.Output, StringComparison.Ordinal);
        }

        var contacts = sandbox.Inspector.GetState().Contacts;
        var valid = Rows - invalid.Count;
        Assert.Equal(valid, contacts.Count);
        Assert.Equal(valid, contacts.Select(c => c["email"]).Distinct(StringComparer.OrdinalIgnoreCase).Count());

        // A row is sent again only if it was in flight at the kill (at most --parallel of them): TE answers "duplicate".
        var posts = SandboxFactory.ContactPosts(sandbox);
        Assert.InRange(posts, valid, valid + 8);
        var results = File.ReadAllLines(input + ".results.csv").Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(Rows, results.Count);
        Assert.Equal(valid, results.Count(r => r[1] is "created" or "duplicate"));
        Assert.Equal(invalid.Count, results.Count(r => r[1] == "invalid"));
        Assert.InRange(results.Count(r => r[1] == "duplicate"), 0, 8);
        Assert.Equal(valid, results.Where(r => r[1] is "created" or "duplicate").Select(r => r[2]).Distinct().Count());
        var stats = sandbox.Inspector.GetRequestStats();
        Assert.Equal(0, stats.TooManyRequests);

        // The restarted process reused the cached token: TE's 2 token requests per hour were not spent on a restart.
        Assert.Equal(1, stats.TokenRequests);
    }
}
