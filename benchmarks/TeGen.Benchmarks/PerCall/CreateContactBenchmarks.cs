using BenchmarkDotNet.Attributes;
using TeGen.Benchmarks.Clients;

namespace TeGen.Benchmarks.PerCall;

/// <summary><c>POST /v1/contacts</c>: serialize a new contact, read the <c>{created, id}</c> reply.</summary>
public class CreateContactBenchmarks : PerCallBenchmarks
{
    /// <summary>Raw HttpClient + System.Text.Json.</summary>
    [Benchmark(Baseline = true)]
    public Task<Baseline.RawCreateResult> Raw() => Clients.Raw.CreateContactAsync(NewContactBodies.Raw);

    /// <summary>TeGen's admin client.</summary>
    [Benchmark]
    public Task<Client.CreateResult> TeGen() => Clients.TeGen.Contacts.CreateContactAsync(NewContactBodies.TeGen, CancellationToken.None);

    /// <summary>TeGen's generated client alone, on a bare HttpClient: the handler pipeline's share is TeGen minus this.</summary>
    [Benchmark]
    public Task<Client.CreateResult> TeGenWithoutPipeline() => Clients.TeGenWithoutPipeline.CreateContactAsync(NewContactBodies.TeGen, CancellationToken.None);

    /// <summary>NSwag's default client.</summary>
    [Benchmark]
    public Task<NSwagDefault.CreateResult> NSwagDefault() => Clients.NSwag.CreateContactAsync(NewContactBodies.NSwag, CancellationToken.None);

    /// <summary>Kiota's client.</summary>
    [Benchmark]
    public Task<Kiota.Models.CreateResult?> Kiota() => Clients.Kiota.V1.Contacts.PostAsync(NewContactBodies.Kiota);
}
