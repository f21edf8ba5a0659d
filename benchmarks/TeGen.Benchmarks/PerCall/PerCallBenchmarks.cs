using BenchmarkDotNet.Attributes;
using TeGen.Benchmarks.Clients;

namespace TeGen.Benchmarks.PerCall;

/// <summary>
/// Shared set-up of the per-call suites: the four clients for the whole run, over each <see cref="Transport"/>
/// (ratios are against the baseline on the same transport), every call made once before measuring (warm connection
/// pools, cached tokens and serializer metadata).
/// </summary>
[MemoryDiagnoser]
public abstract class PerCallBenchmarks
{
    /// <summary>How the clients reach the canned answers.</summary>
    [ParamsAllValues]
    public Transport Transport { get; set; }

    /// <summary>The clients under test.</summary>
    protected ComparedClients Clients { get; private set; } = null!;

    /// <summary>Starts the server (on loopback) and the clients.</summary>
    [GlobalSetup]
    public async Task StartAsync() => Clients = await ComparedClients.StartAsync(Transport).ConfigureAwait(false);

    /// <summary>Stops them.</summary>
    [GlobalCleanup]
    public async Task StopAsync() => await Clients.DisposeAsync().ConfigureAwait(false);
}
