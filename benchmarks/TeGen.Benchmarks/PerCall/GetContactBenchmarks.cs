using BenchmarkDotNet.Attributes;
using TeGen.Benchmarks.Canned;

namespace TeGen.Benchmarks.PerCall;

/// <summary><c>GET /v1/contacts/{id}</c>: one fully populated contact.</summary>
public class GetContactBenchmarks : PerCallBenchmarks
{
    /// <summary>Raw HttpClient + System.Text.Json.</summary>
    [Benchmark(Baseline = true)]
    public Task<Baseline.RawContact> Raw() => Clients.Raw.GetContactAsync(CannedPayloads.ContactId);

    /// <summary>TeGen's admin client.</summary>
    [Benchmark]
    public Task<Client.Contact> TeGen() => Clients.TeGen.Contacts.GetContactAsync(CannedPayloads.ContactId, CancellationToken.None);

    /// <summary>TeGen's generated client alone, on a bare HttpClient: the handler pipeline's share is TeGen minus this.</summary>
    [Benchmark]
    public Task<Client.Contact> TeGenWithoutPipeline() => Clients.TeGenWithoutPipeline.GetContactAsync(CannedPayloads.ContactId, CancellationToken.None);

    /// <summary>NSwag's default client.</summary>
    [Benchmark]
    public Task<NSwagDefault.Contact> NSwagDefault() => Clients.NSwag.GetContactAsync(CannedPayloads.ContactId, CancellationToken.None);

    /// <summary>Kiota's client.</summary>
    [Benchmark]
    public Task<Kiota.Models.Contact?> Kiota() => Clients.Kiota.V1.Contacts[CannedPayloads.ContactId].GetAsync();
}
