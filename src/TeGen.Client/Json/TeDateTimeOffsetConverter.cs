using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TeGen.Client.Json;

/// <summary>
/// Reads TE dates: <c>YYYY-MM-DD hh:mm:ss</c> (UTC), date-only <c>YYYY-MM-DD</c>, and the ISO 8601 forms some
/// endpoints use (<c>2021-01-28T16:21:40.000000Z</c>, <c>2024-01-15T10:30:00Z</c>); writes
/// <c>YYYY-MM-DD hh:mm:ss</c> in UTC, the format TE documents for input.
/// </summary>
public sealed class TeDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    /// <inheritdoc />
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        TeDates.Read(ref reader) ?? throw new JsonException("A TE date cannot be empty here.");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(TeDates.Format(value));
}

/// <summary>
/// The nullable form of <see cref="TeDateTimeOffsetConverter"/>: TE's "no date" value
/// <c>0000-00-00 00:00:00</c> and <c>""</c> read as <c>null</c>.
/// </summary>
public sealed class TeNullableDateTimeOffsetConverter : JsonConverter<DateTimeOffset?>
{
    /// <inheritdoc />
    public override bool HandleNull => true;

    /// <inheritdoc />
    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        TeDates.Read(ref reader);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        if (value is { } date)
        {
            writer.WriteStringValue(TeDates.Format(date));
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}

/// <summary>TE's date formats in one place.</summary>
public static class TeDates
{
    /// <summary>The format TE documents for date-times on input and output (always UTC).</summary>
    public const string DateTimeFormat = "yyyy-MM-dd HH:mm:ss";

    /// <summary>What TE accepts to clear a date.</summary>
    public const string ClearValue = "0000-00-00 00:00:00";

    private static readonly string[] Formats =
    [
        DateTimeFormat,
        "yyyy-MM-dd",
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mm:ss",
        "MM/dd/yyyy HH:mm:ss",
        "MM/dd/yyyy",
    ];

    /// <summary>Formats a date as TE expects it: <c>YYYY-MM-DD hh:mm:ss</c> in UTC.</summary>
    /// <param name="value">The date to format.</param>
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString(DateTimeFormat, CultureInfo.InvariantCulture);

    /// <summary>Parses any date form TE sends; <c>null</c> for TE's zero date or an empty string.</summary>
    /// <param name="text">The text TE sent.</param>
    /// <exception cref="FormatException">The text is not a TE date.</exception>
    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.StartsWith("0000-00-00", StringComparison.Ordinal))
        {
            return null;
        }

        // TE dates carry no offset and are UTC by contract.
        if (DateTimeOffset.TryParseExact(text.Trim(), Formats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            return value;
        }

        throw new FormatException($"\"{text}\" is not a TE date (expected YYYY-MM-DD hh:mm:ss).");
    }

    internal static DateTimeOffset? Read(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Cannot read a TE date from {reader.TokenType}.");
        }

        try
        {
            return Parse(reader.GetString());
        }
        catch (FormatException e)
        {
            throw new JsonException(e.Message, e);
        }
    }
}
