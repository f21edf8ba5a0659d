using System.Globalization;
using System.Text;
using TeGen.Client.Redis.TestHost;
using TeGen.Sandbox;

namespace TeGen.Benchmarks.Throughput;

/// <summary>
/// The multi-process scenarios: 1, 4, 8, ... child processes (the coordination tests' host) sharing one Redis create
/// <see cref="HarnessOptions.Contacts"/> contacts between them against one sandbox at its limit; and the time Redis adds
/// to a call, measured on calls made one at a time under a limit they never reach, shared log against in-process limiter.
/// </summary>
internal static class FleetHarness
{
    private const int OverheadCalls = 1000;

    public static async Task<IReadOnlyList<FleetResult>> RunAsync(HarnessOptions options, Action<string> log)
    {
        if (options.Processes.Count == 0)
        {
            return [];
        }

        var redisMs = await PerCallAsync(options, [$"redis={options.Redis}", $"prefix=bench-{Guid.NewGuid():N}:"]);
        var localMs = await PerCallAsync(options, []);
        log($"per call, one at a time: {redisMs:0.000} ms on Redis, {localMs:0.000} ms in-process");

        var results = new List<FleetResult>();
        foreach (var processes in options.Processes)
        {
            await using var sandbox = await StartSandboxAsync(options, options.RequestLimit);
            var prefix = $"bench-{Guid.NewGuid():N}:";
            var each = options.Contacts / processes;
            var outcomes = await RunChildrenAsync(processes, i => Arguments(sandbox, options, "create", each,
                $"redis={options.Redis}", $"prefix={prefix}", $"concurrency={options.Workers}", $"start={i * each}", $"limit={options.RequestLimit}"));
            var stats = sandbox.Inspector.GetRequestStats();
            var result = new FleetResult(
                processes, stats.TotalRequests, stats.TooManyRequests, stats.TokenRequests, outcomes.Sum(o => o.Errors.Count),
                RateMeasure.Sustained(stats.Recent, options.RequestLimit), options.RequestLimit / options.Window.TotalSeconds,
                outcomes.Max(o => o.Seconds), redisMs, localMs);
            log($"{processes} processes: {result.Share:P1} of the allowed rate, {result.TooManyRequests} x 429, {result.TokenRequests} token request(s)");
            results.Add(result);
        }

        return results;
    }

    public static string Format(HarnessOptions options, IReadOnlyList<FleetResult> results)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Processes sharing one Redis, {options.Contacts} contacts, sandbox limit {options.RequestLimit} per {options.Window.TotalSeconds:0.#} s, margin {options.SafetyMargin.TotalMilliseconds:0} ms, {options.Workers} callers per process");
        text.AppendLine("| processes | requests | rate (req/s) | of allowed | 429s | token requests | failed | seconds |");
        text.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var r in results)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {r.Processes} | {r.Requests} | {r.SustainedRate:0.0} | {r.Share:P1} | {r.TooManyRequests} | {r.TokenRequests} | {r.Failed} | {r.Seconds:0.0} |");
        }

        var first = results[0];
        text.AppendLine(CultureInfo.InvariantCulture, $"Per call ({OverheadCalls} calls one at a time, no wait for the limit): {first.PerCallRedisMs:0.000} ms with the shared Redis log, {first.PerCallLocalMs:0.000} ms with the in-process limiter: ratio {first.OverheadRatio:0.00}, {first.PerCallRedisMs - first.PerCallLocalMs:0.000} ms added by Redis.");
        return text.ToString();
    }

    // One process's mean time per call, calls one at a time, under a limit they never reach.
    private static async Task<double> PerCallAsync(HarnessOptions options, string[] store)
    {
        const int Unreachable = 1_000_000;
        await using var sandbox = await StartSandboxAsync(options, Unreachable);
        var warmed = await RunChildrenAsync(1, _ => Arguments(sandbox, options, "list", OverheadCalls, [.. store, "concurrency=1", $"limit={Unreachable}"]));
        return warmed[0].Seconds * 1000 / OverheadCalls;
    }

    private static Task<TeSandbox> StartSandboxAsync(HarnessOptions options, int limit) =>
        TeSandbox.StartAsync(new TeSandboxOptions { RateLimits = { RequestLimit = limit, RequestWindow = options.Window }, RequestLogCapacity = 1_000_000 });

    private static List<string> Arguments(TeSandbox sandbox, HarnessOptions options, string mode, int calls, params string[] more) =>
    [
        $"mode={mode}", $"base={sandbox.BaseUrl}", $"client={sandbox.ClientId}", $"secret={sandbox.ClientSecret}", $"owner={sandbox.Users[0].Id}",
        $"calls={calls}", $"window-ms={options.Window.TotalMilliseconds}", $"margin-ms={options.SafetyMargin.TotalMilliseconds}", .. more,
    ];

    private static Task<HostResult[]> RunChildrenAsync(int count, Func<int, IEnumerable<string>> arguments) =>
        FleetProcesses.RunAsync(count, arguments, TimeSpan.FromMinutes(10));
}
