using System.Diagnostics;
using TeGen.Client;
using TeGen.Client.Auth;
using TeGen.Client.Http;
using TeGen.Sandbox;

namespace TeGen.Benchmarks.Throughput;

/// <summary>
/// Runs the throughput scenarios: for each client kind and instance count, a fresh sandbox (so the counters, the
/// stored contacts and the token allowance belong to that scenario alone), a fixed number of concurrent callers,
/// and the sandbox's own count of what arrived. There is no warm-up on purpose: the first scenario starts cold (JIT,
/// first connections), as an integration does at start-up, and must still earn no 429.
/// </summary>
public static class ThroughputHarness
{
    /// <summary>Runs every scenario <paramref name="options"/> asks for, TeGen first.</summary>
    /// <param name="options">What to run.</param>
    /// <param name="progress">Receives one line per finished scenario.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public static async Task<IReadOnlyList<ScenarioResult>> RunAsync(HarnessOptions options, Action<string>? progress = null, CancellationToken cancellationToken = default)
    {
        var results = new List<ScenarioResult>();
        var kinds = options.IncludeNaive ? new[] { ClientKind.TeGen, ClientKind.Naive } : [ClientKind.TeGen];
        foreach (var kind in kinds)
        {
            foreach (var instances in options.Instances)
            {
                var result = await RunScenarioAsync(kind, instances, options, cancellationToken).ConfigureAwait(false);
                progress?.Invoke($"{result.Client} x{result.Instances}: {result.Stored}/{result.Sent} stored, {result.TooManyRequests} x 429, {result.TokenRequests} token request(s), {result.RateRatio:P1} of the allowed rate, {result.Elapsed.TotalSeconds:0.0} s");
                results.Add(result);
            }
        }

        return results;
    }

    /// <summary>
    /// Runs the many-organization scenarios <paramref name="options"/> asks for: each organization count with TE's token
    /// counting, then, above 2 organizations, with tokens counted per client id (labelled as such: not TE's rule).
    /// </summary>
    /// <param name="options">What to run.</param>
    /// <param name="progress">Receives one line per finished scenario.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public static async Task<IReadOnlyList<OrganizationsResult>> RunOrganizationsAsync(HarnessOptions options, Action<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var results = new List<OrganizationsResult>();
        foreach (var counting in options.TokenCountings)
        {
            // With one or two organizations both countings give every organization a token: the second run adds nothing.
            foreach (var organizations in options.Organizations.Where(n => counting == TokenCounting.SourceIp || n > 2))
            {
                var r = await OrganizationsHarness.RunAsync(organizations, counting, options, cancellationToken).ConfigureAwait(false);
                progress?.Invoke($"{r.Organizations} organizations, tokens per {r.Counting}: {r.Served} with a token, {r.Refused} refused, {r.Stored}/{r.Contacts} stored, {r.TooManyRequests} x 429, {r.TokenRequests} token request(s), {r.RateRatio:P1} of the allowed rate, {r.Elapsed.TotalSeconds:0.0} s");
                results.Add(r);
            }
        }

        return results;
    }

    /// <summary>Runs the fairness modes <paramref name="options"/> asks for, in order.</summary>
    /// <param name="options">What to run.</param>
    /// <param name="progress">Receives one line per finished mode.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public static async Task<IReadOnlyList<FairnessResult>> RunFairnessAsync(HarnessOptions options, Action<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var results = new List<FairnessResult>();
        foreach (var mode in options.FairnessModes)
        {
            var r = await FairnessHarness.RunAsync(mode, options, cancellationToken).ConfigureAwait(false);
            progress?.Invoke($"{ResultTable.Label(mode)}: B made {r.Calls} calls, p50 {r.P50.TotalMilliseconds:0.0} ms, p95 {r.P95.TotalMilliseconds:0.0} ms, p99 {r.P99.TotalMilliseconds:0.0} ms; A {r.AShare:P1} of the limit; {r.TooManyRequests} x 429");
            results.Add(r);
        }

        return results;
    }

    private static async Task<ScenarioResult> RunScenarioAsync(ClientKind kind, int instances, HarnessOptions options, CancellationToken cancellationToken)
    {
        await using var sandbox = await TeSandbox.StartAsync(
            new TeSandboxOptions
            {
                // Every request must stay in the log: the rate is measured from the sandbox's arrival times.
                RequestLogCapacity = (options.Contacts * (options.NaiveMaxRetries + 2)) + 100,
                RateLimits = new RateLimitOptions { RequestLimit = options.RequestLimit, RequestWindow = options.Window },
            },
            cancellationToken).ConfigureAwait(false);
        var contacts = new LoadContacts(sandbox);
        var senders = await CreateSendersAsync(kind, instances, sandbox, contacts, options, cancellationToken).ConfigureAwait(false);
        try
        {
            var next = 0;
            var failed = 0;
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, options.Workers).Select(worker => Task.Run(
                async () =>
                {
                    var sender = senders[worker % senders.Count];
                    int n;
                    while ((n = Interlocked.Increment(ref next)) <= options.Contacts)
                    {
                        if (!await sender.CreateAsync(n, cancellationToken).ConfigureAwait(false))
                        {
                            Interlocked.Increment(ref failed);
                        }
                    }
                },
                cancellationToken))).ConfigureAwait(false);
            clock.Stop();

            var stats = sandbox.Inspector.GetRequestStats();
            return new ScenarioResult(
                kind == ClientKind.TeGen ? "TeGen" : "naive",
                instances,
                options.Contacts,
                sandbox.Inspector.GetState().Contacts.Count,
                failed,
                stats.TooManyRequests,
                stats.TokenRequests,
                stats.TotalRequests,
                clock.Elapsed,
                RateMeasure.Sustained(stats.Recent, options.RequestLimit),
                options.AllowedRate);
        }
        finally
        {
            senders.ForEach(sender => sender.Dispose());
        }
    }

    private static async Task<List<IContactSender>> CreateSendersAsync(
        ClientKind kind, int instances, TeSandbox sandbox, LoadContacts contacts, HarnessOptions options, CancellationToken cancellationToken)
    {
        if (kind == ClientKind.Naive)
        {
            var token = await NaiveSender.FetchTokenAsync(sandbox.BaseUrl, sandbox.ClientId, sandbox.ClientSecret, cancellationToken).ConfigureAwait(false);
            return [.. Enumerable.Range(0, instances).Select(_ => new NaiveSender(sandbox.BaseUrl, token, contacts, options.NaiveMaxRetries))];
        }

        // One token store and one limiter registry for all instances, as connections of one egress must share them;
        // fresh per scenario so that each scenario's token request and limiter start clean.
        var tokens = new InMemoryTokenStore();
        var limiters = new TeRateLimiterRegistry();
        return [.. Enumerable.Range(0, instances).Select(_ => new TeGenSender(
            new TotalExpertConnection(
                new TotalExpertClientOptions
                {
                    BaseUrl = sandbox.BaseUrl,
                    ClientId = sandbox.ClientId,
                    ClientSecret = sandbox.ClientSecret,
                    Scopes = ["leadInteraction"],
                    RateLimit = { RequestsPerWindow = options.RequestLimit, Window = options.Window, SafetyMargin = options.SafetyMargin },
                },
                tokens,
                TimeProvider.System,
                loggerFactory: null,
                limiters),
            contacts))];
    }

    private enum ClientKind
    {
        TeGen,
        Naive,
    }
}
