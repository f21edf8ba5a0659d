using BenchmarkDotNet.Attributes;
using TeGen.Benchmarks.Clients;

namespace TeGen.Benchmarks.PerCall;

/// <summary>
/// Shared set-up of the per-call suites: one canned server and the four clients for the whole run, every call
/// made once before measuring (warm connection pools, cached tokens and serializer metadata).
/// </summary>
[MemoryDiagnoser]
public abstract class PerCallBenchmarks
{
    /// <summary>The clients under test.</summary>
    protected ComparedClients Clients { get; private set; } = null!;

    /// <summary>Starts the server and the clients.</summary>
    [GlobalSetup]
    public async Task StartAsync() => Clients = await ComparedClients.StartAsync().ConfigureAwait(false);

    /// <summary>Stops them.</summary>
    [GlobalCleanup]
    public async Task StopAsync() => await Clients.DisposeAsync().ConfigureAwait(false);
}
