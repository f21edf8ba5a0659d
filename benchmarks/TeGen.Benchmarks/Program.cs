using BenchmarkDotNet.Running;
using TeGen.Benchmarks.Diagnostics;

if (args is ["handler-costs"])
{
    // Not a benchmark: splits TeGen's per-call cost by handler (see HandlerCostProbe).
    await HandlerCostProbe.RunAsync();
    return;
}

// Every suite of this assembly; pick with --filter, e.g. --filter '*GetContact*' --job short.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
