using BenchmarkDotNet.Attributes;

namespace TeGen.Benchmarks.PerCall;

/// <summary><c>GET /v1/contacts?page[number]=1&amp;page[size]=100</c>: a page of 100 contacts.</summary>
public class ListContactsBenchmarks : PerCallBenchmarks
{
    private const int PageSize = 100;

    /// <summary>Raw HttpClient + System.Text.Json.</summary>
    [Benchmark(Baseline = true)]
    public Task<Baseline.RawContactPage> Raw() => Clients.Raw.ListContactsAsync(1, PageSize);

    /// <summary>TeGen's admin client.</summary>
    [Benchmark]
    public Task<Client.ContactPage> TeGen() => Clients.TeGen.Contacts.ListContactsAsync(1, PageSize, null, null, CancellationToken.None);

    /// <summary>TeGen's generated client alone, on a bare HttpClient: the handler pipeline's share is TeGen minus this.</summary>
    [Benchmark]
    public Task<Client.ContactPage> TeGenWithoutPipeline() => Clients.TeGenWithoutPipeline.ListContactsAsync(1, PageSize, null, null, CancellationToken.None);

    /// <summary>NSwag's default client.</summary>
    [Benchmark]
    public Task<NSwagDefault.ContactPage> NSwagDefault() => Clients.NSwag.ListContactsAsync(1, PageSize, null, null, CancellationToken.None);

    /// <summary>Kiota's client.</summary>
    [Benchmark]
    public Task<Kiota.Models.ContactPage?> Kiota() => Clients.Kiota.V1.Contacts.GetAsync(request =>
    {
        request.QueryParameters.Pagenumber = 1;
        request.QueryParameters.Pagesize = PageSize;
    });
}
