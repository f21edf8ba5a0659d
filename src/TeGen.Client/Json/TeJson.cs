using System.Text.Json;
using System.Text.Json.Serialization;

namespace TeGen.Client.Json;

/// <summary>
/// TE's JSON rules: booleans as <c>true</c>/<c>"True"</c>/<c>1</c>, <c>YYYY-MM-DD hh:mm:ss</c> UTC dates and
/// <c>YYYY-MM-DD</c> date-only values, culture-invariant (<c>0000-00-00 00:00:00</c> meaning "no date"), and numbers
/// and ids that arrive as strings. TE's enumerations need nothing here: the generated value types read and write any
/// value themselves.
/// Unset optional fields are left out by the generated models themselves; a required nullable field
/// (a custom field's <c>value</c>) still sends <c>null</c>, which is how TE clears it.
/// </summary>
public static class TeJson
{
    /// <summary>Serializer options configured for TE; shared and read-only.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Applies TE's rules to <paramref name="options"/>.</summary>
    /// <param name="options">Options to configure; must not be in use yet.</param>
    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        // TE returns integers such as sort_order and type_id, and user ids, as strings.
        options.NumberHandling = JsonNumberHandling.AllowReadingFromString;
        options.Converters.Add(new TeBooleanConverter());
        options.Converters.Add(new TeNullableBooleanConverter());
        options.Converters.Add(new TeDateTimeOffsetConverter());
        options.Converters.Add(new TeNullableDateTimeOffsetConverter());
        options.Converters.Add(new TeDateOnlyConverter());
        options.Converters.Add(new TeNullableDateOnlyConverter());
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions();
        Configure(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
