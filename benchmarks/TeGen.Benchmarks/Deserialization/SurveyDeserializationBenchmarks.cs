using BenchmarkDotNet.Attributes;
using TeGen.Benchmarks.Canned;

namespace TeGen.Benchmarks.Deserialization;

/// <summary>A survey with 20 questions (a third multiple choice, sort orders sent as strings), from bytes in memory.</summary>
[MemoryDiagnoser]
public class SurveyDeserializationBenchmarks
{
    private readonly byte[] _json = CannedPayloads.Survey;

    /// <summary>Hand-written DTOs, System.Text.Json.</summary>
    [Benchmark(Baseline = true)]
    public Baseline.RawSurvey? Raw() => ModelReaders.Raw<Baseline.RawSurvey>(_json);

    /// <summary>TeGen's models.</summary>
    [Benchmark]
    public Client.ContactSurvey? TeGen() => ModelReaders.TeGen<Client.ContactSurvey>(_json);

    /// <summary>NSwag-default models, Newtonsoft.Json.</summary>
    [Benchmark]
    public NSwagDefault.ContactSurvey? NSwagDefault() => ModelReaders.NSwagDefault<NSwagDefault.ContactSurvey>(_json);

    /// <summary>Kiota models.</summary>
    [Benchmark]
    public Task<Kiota.Models.ContactSurvey?> Kiota() => ModelReaders.Kiota(_json, global::TeGen.Benchmarks.Kiota.Models.ContactSurvey.CreateFromDiscriminatorValue);
}
