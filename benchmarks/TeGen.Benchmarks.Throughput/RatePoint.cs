namespace TeGen.Benchmarks.Throughput;

/// <summary>The accepted request rate over the trailing window at one moment of a run.</summary>
/// <param name="Seconds">Seconds since the run's first accepted request.</param>
/// <param name="PerSecond">Accepted requests per second over the window ending then.</param>
public sealed record RatePoint(double Seconds, double PerSecond);
