using TeGen.Benchmarks.Throughput;

HarnessOptions options;
try
{
    options = HarnessOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine("Usage: [--quick] [--contacts N] [--limit N] [--window-ms N] [--margin-ms N] [--workers N] [--instances 1,8] [--no-naive]");
    Console.Error.WriteLine("       [--organizations 1,5,20] [--te-counting-only] [--fairness] [--fairness-seconds N] [--backlog N] [--charts DIR]");
    Console.Error.WriteLine("       [--processes 1,4,8 --redis HOST:PORT]");
    Console.Error.WriteLine("--organizations, --fairness and --processes run their scenarios alone unless --instances is given too.");
    return 2;
}

var problems = new List<string>();
if (options.IncludeInstances)
{
    var results = await ThroughputHarness.RunAsync(options, Console.WriteLine);
    Console.WriteLine();
    Console.WriteLine(ResultTable.Format(options, results));

    // Only TeGen's scenarios are judged: the naive client is there to show what it costs not to limit.
    problems.AddRange(results.Where(r => r.Client == "TeGen").SelectMany(r => r.Problems().Select(p => $"TeGen x{r.Instances}: {p}")));
}

var organizations = await ThroughputHarness.RunOrganizationsAsync(options, Console.WriteLine);
if (organizations.Count > 0)
{
    Console.WriteLine();
    Console.WriteLine(ResultTable.Format(options, organizations));
    problems.AddRange(organizations.SelectMany(r => r.Problems().Select(p => $"{r.Organizations} organizations, tokens per {r.Counting}: {p}")));
}

var fairness = await ThroughputHarness.RunFairnessAsync(options, Console.WriteLine);
if (fairness.Count > 0)
{
    Console.WriteLine();
    Console.WriteLine(ResultTable.Format(options, fairness));
    problems.AddRange(fairness.SelectMany(r => r.Problems().Select(p => $"{ResultTable.Label(r.Mode)}: {p}")));
}

var fleets = await FleetHarness.RunAsync(options, Console.WriteLine);
if (fleets.Count > 0)
{
    Console.WriteLine();
    Console.WriteLine(FleetHarness.Format(options, fleets));
    problems.AddRange(fleets.SelectMany(r => r.Problems().Select(p => $"{r.Processes} processes on Redis: {p}")));
}

if (options.ChartDirectory is { } charts)
{
    foreach (var written in new[] { Charts.Rate(options, organizations, charts), Charts.Waits(options, fairness, charts) })
    {
        if (written is not null)
        {
            Console.WriteLine($"Wrote {written}");
        }
    }
}

problems.ForEach(Console.Error.WriteLine);
return problems.Count == 0 ? 0 : 1;
