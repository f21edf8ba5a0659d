using System.Text.Json;
using TeGen.Client.Json;

namespace TeGen.Client;

/// <summary>
/// Base class of every generated TE client (<see cref="ContactsClient"/>, <see cref="InsightsClient"/>, ...).
/// It exists so that TE's JSON rules, writing and reading, are configured in one place for all of them.
/// </summary>
public abstract class TotalExpertClientBase
{
    /// <summary>Called once per generated client type to build its serializer options.</summary>
    /// <param name="settings">The options the generated client will use.</param>
    protected static void UpdateJsonSerializerSettings(JsonSerializerOptions settings) => TeJson.Configure(settings);

    // Every body a generated client reads goes through here (TeGen.Build's ReadObjectResponse template calls it), so an
    // unreadable answer is always a TotalExpertProtocolException.
    private protected static Task<T> ReadResponseBodyAsync<T>(HttpResponseMessage response, JsonSerializerOptions options, CancellationToken cancellationToken) =>
        TeResponseReader.ReadAsync<T>(response, options, cancellationToken);
}
