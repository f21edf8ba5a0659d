using System.Text.Json;
using TeGen.Client.Json;

namespace TeGen.Client;

/// <summary>
/// Base class of every generated TE client (<see cref="ContactsClient"/>, <see cref="InsightsClient"/>, ...).
/// It exists so that TE's JSON rules are configured in one place for all of them.
/// </summary>
public abstract class TotalExpertClientBase
{
    /// <summary>Called once per generated client type to build its serializer options.</summary>
    /// <param name="settings">The options the generated client will use.</param>
    protected static void UpdateJsonSerializerSettings(JsonSerializerOptions settings) => TeJson.Configure(settings);
}
