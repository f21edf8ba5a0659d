using System.Globalization;

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
    };

    /// <summary>Requests per second the sandbox allows.</summary>
    public double AllowedRate => RequestLimit / Window.TotalSeconds;

    /// <summary>
    /// Reads <c>--quick</c>, <c>--contacts N</c>, <c>--limit N</c>, <c>--window-ms N</c>, <c>--margin-ms N</c>,
    /// <c>--workers N</c>, <c>--instances 1,8</c> and <c>--no-naive</c>; <c>--quick</c> starts from <see cref="QuickRun"/>.
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
                "--instances" => options with { Instances = [.. Value(args, ++i).Split(',').Select(n => Positive(n, "--instances"))] },
                var unknown => throw new ArgumentException($"Unknown argument '{unknown}'."),
            };
        }

        return options;
    }

    private static string Value(IReadOnlyList<string> args, int i) =>
        i < args.Count ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value.");

    private static int Positive(IReadOnlyList<string> args, int i) => Positive(Value(args, i), args[i - 1]);

    private static int Positive(string text, string name) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"{name} needs a positive whole number, got '{text}'.");
}
