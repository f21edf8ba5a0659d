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
    return 2;
}

var results = await ThroughputHarness.RunAsync(options, Console.WriteLine);
Console.WriteLine();
Console.WriteLine(ResultTable.Format(options, results));

// Only TeGen's scenarios are judged: the naive client is there to show what it costs not to limit.
var problems = results.Where(r => r.Client == "TeGen").SelectMany(r => r.Problems().Select(p => $"TeGen x{r.Instances}: {p}")).ToList();
problems.ForEach(Console.Error.WriteLine);
return problems.Count == 0 ? 0 : 1;
