using System.Text.Json;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;
using TeGen.Benchmarks.Baseline;
using TeGen.Client.Json;

namespace TeGen.Benchmarks.Deserialization;

/// <summary>
/// Reads a response body into each client's models the way that client reads a response stream: System.Text.Json
/// from a stream (baseline, TeGen with TE's converters), Newtonsoft's JsonTextReader over a StreamReader with a
/// serializer from default settings (the NSwag-default client), a JSON parse node (Kiota).
/// </summary>
public static class ModelReaders
{
    private static readonly Newtonsoft.Json.JsonSerializer NSwagSerializer = Newtonsoft.Json.JsonSerializer.Create(new Newtonsoft.Json.JsonSerializerSettings());

    private static readonly JsonParseNodeFactory KiotaParseNodes = new();

    /// <summary>Hand-written DTOs with the baseline's options.</summary>
    public static T? Raw<T>(byte[] json) => JsonSerializer.Deserialize<T>(new MemoryStream(json), RawJson.Options);

    /// <summary>TeGen's generated models with TE's converters (what the generated clients are configured with).</summary>
    public static T? TeGen<T>(byte[] json) => JsonSerializer.Deserialize<T>(new MemoryStream(json), TeJson.Options);

    /// <summary>NSwag-default models through Newtonsoft.Json.</summary>
    public static T? NSwagDefault<T>(byte[] json)
    {
        using var text = new StreamReader(new MemoryStream(json));
        using var reader = new Newtonsoft.Json.JsonTextReader(text);
        return NSwagSerializer.Deserialize<T>(reader);
    }

    /// <summary>Kiota models through Kiota's JSON parse node.</summary>
    public static async Task<T?> Kiota<T>(byte[] json, ParsableFactory<T> factory)
        where T : IParsable
    {
        var node = await KiotaParseNodes.GetRootParseNodeAsync("application/json", new MemoryStream(json)).ConfigureAwait(false);
        return node.GetObjectValue(factory);
    }
}
