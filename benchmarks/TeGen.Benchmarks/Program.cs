using BenchmarkDotNet.Running;

// Every suite of this assembly; pick with --filter, e.g. --filter '*GetContact*' --job short.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
