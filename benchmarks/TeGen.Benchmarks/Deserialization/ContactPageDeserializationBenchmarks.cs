using BenchmarkDotNet.Attributes;
using TeGen.Benchmarks.Canned;

namespace TeGen.Benchmarks.Deserialization;

/// <summary>A page of 100 fully populated contacts, from bytes in memory (no I/O).</summary>
[MemoryDiagnoser]
public class ContactPageDeserializationBenchmarks
{
    private readonly byte[] _json = CannedPayloads.ContactPage;

    /// <summary>Hand-written DTOs, System.Text.Json.</summary>
    [Benchmark(Baseline = true)]
    public Baseline.RawContactPage? Raw() => ModelReaders.Raw<Baseline.RawContactPage>(_json);

    /// <summary>TeGen's models.</summary>
    [Benchmark]
    public Client.ContactPage? TeGen() => ModelReaders.TeGen<Client.ContactPage>(_json);

    /// <summary>NSwag-default models, Newtonsoft.Json.</summary>
    [Benchmark]
    public NSwagDefault.ContactPage? NSwagDefault() => ModelReaders.NSwagDefault<NSwagDefault.ContactPage>(_json);

    /// <summary>Kiota models.</summary>
    [Benchmark]
    public Task<Kiota.Models.ContactPage?> Kiota() => ModelReaders.Kiota(_json, global::TeGen.Benchmarks.Kiota.Models.ContactPage.CreateFromDiscriminatorValue);
}
