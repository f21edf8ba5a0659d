using Xunit.Abstractions;
using TeGen.Client.Redis.Tests.Support;
using TeGen.Sandbox;

namespace TeGen.Client.Redis.Tests;

/// <summary>
/// Processes of one egress sharing TE's per-IP limits on one backend, against one sandbox: separate `dotnet` processes,
/// each with its own connection to Redis (or to the token directory).
/// </summary>
[Collection(nameof(FleetTests))]
public class FleetTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    [Theory]
    [MemberData(nameof(RedisBackends.All), MemberType = typeof(RedisBackends))]
    public async Task Four_processes_of_sixteen_concurrent_first_calls_send_one_token_request_and_a_restarted_process_none(string backend)
    {
        await using var sandbox = await TeSandbox.StartAsync();
        var shared = new[] { $"redis={RedisBackends.Endpoint(backend)}", $"prefix={RedisBackends.Prefix()}", "concurrency=16" };

        var results = await Fleet.RunAsync(4, _ => Fleet.Arguments(sandbox, "list", 16, shared), Timeout);

        Assert.All(results, r => Assert.Equal((16, ""), (r.Ok, string.Join("; ", r.Errors))));
        Assert.Equal(1, sandbox.Inspector.GetRequestStats().TokenRequests);

        var restarted = await Fleet.RunAsync(1, _ => Fleet.Arguments(sandbox, "list", 16, shared), Timeout);
        Assert.Equal(16, restarted[0].Ok);
        Assert.Equal(1, sandbox.Inspector.GetRequestStats().TokenRequests);
    }

    [Theory]
    [MemberData(nameof(RedisBackends.All), MemberType = typeof(RedisBackends))]
    public async Task Four_processes_bulk_creating_at_the_sandbox_limit_get_no_429_and_store_every_record_once(string backend)
    {
        // TE's 1000 per minute scaled to 200 per 6 s; the clients keep TeGen's margin, scaled too (0.5 s).
        const int Limit = 200, PerProcess = 90;
        var window = TimeSpan.FromSeconds(6);
        await using var sandbox = await TeSandbox.StartAsync(new TeSandboxOptions { RateLimits = { RequestLimit = Limit, RequestWindow = window }, RequestLogCapacity = 10_000 });
        var prefix = RedisBackends.Prefix();

        var results = await Fleet.RunAsync(4, i => Fleet.Arguments(
            sandbox, "create", PerProcess,
            $"redis={RedisBackends.Endpoint(backend)}", $"prefix={prefix}", "concurrency=32", $"start={i * PerProcess}",
            $"limit={Limit}", $"window-ms={window.TotalMilliseconds}", "margin-ms=500"), Timeout);

        output.WriteLine(string.Join("\n", results.Select(r => $"{r.Ok} calls in {r.Seconds:0.00} s")));
        Assert.All(results, r => Assert.True(r.Errors.Count == 0, string.Join("\n", r.Errors)));
        Assert.All(results, r => Assert.Equal(PerProcess, r.Ok));
        var stats = sandbox.Inspector.GetRequestStats();
        Assert.Equal(0, stats.TooManyRequests);
        Assert.Equal(1, stats.TokenRequests);
        Assert.InRange(SandboxWindows.Busiest(sandbox, window), 1, Limit);
        var emails = sandbox.Inspector.GetState().Contacts.Select(c => c["email"]).ToList();
        Assert.Equal(4 * PerProcess, emails.Count);
        Assert.Equal(4 * PerProcess, emails.Distinct().Count());
    }

    [Fact]
    public async Task Three_processes_on_one_token_directory_send_one_token_request_which_the_budget_file_records()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        var directory = Directory.CreateTempSubdirectory("tegen-fleet-").FullName;
        try
        {
            var results = await Fleet.RunAsync(3, _ => Fleet.Arguments(sandbox, "list", 16, $"files={directory}", "concurrency=16"), Timeout);

            Assert.All(results, r => Assert.Equal((16, ""), (r.Ok, string.Join("; ", r.Errors))));
            Assert.Equal(1, sandbox.Inspector.GetRequestStats().TokenRequests);
            var budgets = Directory.GetFiles(directory, "*.token").Select(File.ReadAllText).Where(text => text.StartsWith('[')).ToList();
            Assert.Single(Assert.Single(budgets).Split(','));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
