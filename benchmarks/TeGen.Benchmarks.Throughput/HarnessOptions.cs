using System.Globalization;
using TeGen.Client;

namespace TeGen.Benchmarks.Throughput;

/// <summary>
/// What one harness run does. TE allows 1000 requests per minute; the harness scales that down to
/// <see cref="RequestLimit"/> per <see cref="Window"/> on both sides (sandbox and client) so a run takes seconds.
/// </summary>
public sealed record HarnessOptions
{
    /// <summary>Contacts each scenario creates (all distinct, so none is deduplicated).</summary>
    public int Contacts { get; init; } = 2400;

    /// <summary>Requests the sandbox accepts per <see cref="Window"/> and source IP; the clients are told the same.</summary>
    public int RequestLimit { get; init; } = 600;

    /// <summary>The sandbox's (fixed, clock-aligned) rate-limit window.</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromSeconds(6);

    /// <summary>
    /// TeGen's <c>RateLimit:SafetyMargin</c>. The default keeps the SDK's production proportion (1 s on a 60 s window),
    /// scaled to <see cref="Window"/>.
    /// </summary>
    public TimeSpan SafetyMargin { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Concurrent callers per scenario, spread evenly over the client instances.</summary>
    public int Workers { get; init; } = 16;

    /// <summary>Client instance counts to run, each as its own scenario.</summary>
    public IReadOnlyList<int> Instances { get; init; } = [1, 8];

    /// <summary>Whether to run the hand-rolled comparison client as well.</summary>
    public bool IncludeNaive { get; init; } = true;

    /// <summary>Whether this is the CI smoke run (small, short window, asserted).</summary>
    public bool Quick { get; init; }

    /// <summary>Retries the naive client makes after a 429 before giving a contact up.</summary>
    public int NaiveMaxRetries { get; init; } = 5;

    /// <summary>
    /// Whether the single-credential scenarios (<see cref="Instances"/>) run. They do unless a many-organization
    /// scenario is asked for without <c>--instances</c>, so that those can be run on their own.
    /// </summary>
    public bool IncludeInstances { get; init; } = true;

    /// <summary>Organization counts to run on one egress through <c>TotalExpertPartner</c>, each as its own scenario; none by default.</summary>
    public IReadOnlyList<int> Organizations { get; init; } = [];

    /// <summary>
    /// How the many-organization scenarios count token requests: always TE's (per source IP); with
    /// <see cref="TokenCounting.ClientId"/> as well, a second, labelled run of each count above 2 where every organization
    /// can hold a token.
    /// </summary>
    public IReadOnlyList<TokenCounting> TokenCountings { get; init; } = [TokenCounting.SourceIp, TokenCounting.ClientId];

    /// <summary>Which fairness modes to run (organization B's interactive calls under organization A's bulk load); none by default.</summary>
    public IReadOnlyList<FairnessMode> FairnessModes { get; init; } = [];

    /// <summary>How long organization B makes its calls in each fairness mode.</summary>
    public TimeSpan FairnessDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Organization A's bulk callers in the fairness scenario: the requests it keeps queued.</summary>
    public int Backlog { get; init; } = 200;

    /// <summary>Where to write the charts (PNG) of the many-organization and fairness scenarios; none when null.</summary>
    public string? ChartDirectory { get; init; }

    /// <summary>Process counts of the multi-process scenarios (each process a child sharing one Redis); none by default.</summary>
    public IReadOnlyList<int> Processes { get; init; } = [];

    /// <summary>The Redis endpoint the processes share (e.g. a <c>redis-server</c> on loopback), for <see cref="Processes"/>.</summary>
    public string? Redis { get; init; }

    /// <summary>
    /// The CI smoke run: 300 contacts at 100 requests per 2 s, TeGen only, about 15 s in all. Its safety margin is
    /// wider than the production proportion because CI runs other test assemblies on the same two cores, and a
    /// scheduling hiccup longer than the margin between a permit and the request reaching the server could earn a 429.
    /// </summary>
    public static HarnessOptions QuickRun { get; } = new()
    {
        Contacts = 300,
        RequestLimit = 100,
        Window = TimeSpan.FromSeconds(2),
        SafetyMargin = TimeSpan.FromMilliseconds(400),
        IncludeNaive = false,
        Quick = true,
        FairnessDuration = TimeSpan.FromSeconds(4),
        Backlog = 60,
    };

    /// <summary>Requests per second the sandbox allows.</summary>
    public double AllowedRate => RequestLimit / Window.TotalSeconds;

    /// <summary>
    /// One slot of TeGen's limiter: the window with its safety margin divided by the limit. Queued callers are granted
    /// one slot apart, so this is the least a caller behind someone else waits.
    /// </summary>
    public TimeSpan Slot => (Window + SafetyMargin) / RequestLimit;

    /// <summary>
    /// Reads <c>--quick</c>, <c>--contacts N</c>, <c>--limit N</c>, <c>--window-ms N</c>, <c>--margin-ms N</c>,
    /// <c>--workers N</c>, <c>--instances 1,8</c>, <c>--no-naive</c>, <c>--organizations 1,5,20</c>, <c>--te-counting-only</c>,
    /// <c>--fairness</c>, <c>--fairness-seconds N</c>, <c>--backlog N</c> and <c>--charts DIR</c>; <c>--quick</c> starts
    /// from <see cref="QuickRun"/>.
    /// </summary>
    /// <param name="args">Command-line arguments.</param>
    /// <exception cref="ArgumentException">An argument is unknown or its value is missing or not a positive number.</exception>
    public static HarnessOptions Parse(IReadOnlyList<string> args)
    {
        var options = args.Contains("--quick") ? QuickRun : new HarnessOptions();
        for (var i = 0; i < args.Count; i++)
        {
            options = args[i] switch
            {
                "--quick" => options,
                "--no-naive" => options with { IncludeNaive = false },
                "--contacts" => options with { Contacts = Positive(args, ++i) },
                "--limit" => options with { RequestLimit = Positive(args, ++i) },
                "--window-ms" => options with { Window = TimeSpan.FromMilliseconds(Positive(args, ++i)) },
                "--margin-ms" => options with { SafetyMargin = TimeSpan.FromMilliseconds(Positive(args, ++i)) },
                "--workers" => options with { Workers = Positive(args, ++i) },
                "--instances" => options with { Instances = List(args, ++i) },
                "--organizations" => options with { Organizations = List(args, ++i) },
                "--te-counting-only" => options with { TokenCountings = [TokenCounting.SourceIp] },
                "--fairness" => options with { FairnessModes = Enum.GetValues<FairnessMode>() },
                "--fairness-seconds" => options with { FairnessDuration = TimeSpan.FromSeconds(Positive(args, ++i)) },
                "--backlog" => options with { Backlog = Positive(args, ++i) },
                "--charts" => options with { ChartDirectory = Value(args, ++i) },
                "--processes" => options with { Processes = List(args, ++i) },
                "--redis" => options with { Redis = Value(args, ++i) },
                var unknown => throw new ArgumentException($"Unknown argument '{unknown}'."),
            };
        }

        // Asking for the many-organization scenarios alone runs them alone; --instances brings the others back.
        var manyOrganizations = options.Organizations.Count > 0 || options.FairnessModes.Count > 0 || options.Processes.Count > 0;
        if (options.Processes.Count > 0 && options.Redis is null)
        {
            throw new ArgumentException("--processes needs --redis HOST:PORT, the Redis the processes share.");
        }

        return options with { IncludeInstances = !manyOrganizations || args.Contains("--instances") };
    }

    private static int[] List(IReadOnlyList<string> args, int i) => [.. Value(args, i).Split(',').Select(n => Positive(n, args[i - 1]))];

    /// <summary>Gives TeGen's options the sandbox's address and this run's limit, window and margin.</summary>
    internal void ApplyTo(TotalExpertClientOptions options, Uri baseUrl)
    {
        options.BaseUrl = baseUrl;
        options.Scopes = ["leadInteraction"];
        options.RateLimit.RequestsPerWindow = RequestLimit;
        options.RateLimit.Window = Window;
        options.RateLimit.SafetyMargin = SafetyMargin;
    }

    private static string Value(IReadOnlyList<string> args, int i) =>
        i < args.Count ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value.");

    private static int Positive(IReadOnlyList<string> args, int i) => Positive(Value(args, i), args[i - 1]);

    private static int Positive(string text, string name) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"{name} needs a positive whole number, got '{text}'.");
}
