using System.Globalization;
using System.Text.Json;

namespace TeGen.Client.Json;

/// <summary>TE's date formats in one place; every TE date the SDK reads or writes goes through here, culture-invariant.</summary>
/// <remarks>
/// TE's "no date" is <c>0000-00-00 00:00:00</c> (<c>0000-00-00</c> for date-only values) or <c>""</c>: both read as
/// <c>null</c>. A value that is no date at all (<c>00/00/0000</c>, free text) also reads as <c>null</c> where the model
/// allows it: one unreadable informational field must not make the whole record it belongs to (a contact, a page of
/// contacts) unreadable, and an exception could not say more than "no usable date" anyway. Nothing is lost by that:
/// the models do not send unset fields, so reading a record and writing it back leaves TE's stored value as it was. A
/// date the model requires and TE did not send in a readable form fails the read.
/// </remarks>
public static class TeDates
{
    /// <summary>The format TE documents for date-times on input and output (always UTC).</summary>
    public const string DateTimeFormat = "yyyy-MM-dd HH:mm:ss";

    /// <summary>The format of TE's date-only values (<c>format: date</c>, e.g. birthdays).</summary>
    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>What TE accepts to clear a date.</summary>
    public const string ClearValue = "0000-00-00 00:00:00";

    private const string NoDate = "0000-00-00";

    private static readonly string[] DateTimeFormats =
    [
        DateTimeFormat,
        DateFormat,
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mm:ss",
        "MM/dd/yyyy HH:mm:ss",
        "MM/dd/yyyy",
    ];

    private static readonly string[] DateFormats = [DateFormat, "MM/dd/yyyy"];

    /// <summary>TE's date-times: parsed in every form TE sends, written as <see cref="DateTimeFormat"/> in UTC.</summary>
    internal static readonly TeDateKind<DateTimeOffset> DateTimeValues = new(TryParse, Format, DateTimeFormat);

    /// <summary>TE's date-only values: parsed as the calendar date written, written as <see cref="DateFormat"/>.</summary>
    internal static readonly TeDateKind<DateOnly> DateOnlyValues = new(TryParseDate, Format, DateFormat);

    /// <summary>Formats a date-time as TE expects it: <c>YYYY-MM-DD hh:mm:ss</c> in UTC.</summary>
    /// <param name="value">The date to format.</param>
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString(DateTimeFormat, CultureInfo.InvariantCulture);

    /// <summary>Formats a date-only value as TE expects it: <c>YYYY-MM-DD</c>.</summary>
    /// <param name="value">The date to format.</param>
    public static string Format(DateOnly value) => value.ToString(DateFormat, CultureInfo.InvariantCulture);

    /// <summary>Parses any date form TE sends; <c>null</c> for TE's zero date or an empty string.</summary>
    /// <param name="text">The text TE sent.</param>
    /// <exception cref="FormatException">The text is not a TE date.</exception>
    public static DateTimeOffset? Parse(string? text) =>
        IsNoDate(text) ? null
        : TryParse(text!, out var value) ? value
        : throw new FormatException($"\"{text}\" is not a TE date (expected YYYY-MM-DD hh:mm:ss).");

    /// <summary>Parses a TE date-only value; <c>null</c> for TE's zero date or an empty string.</summary>
    /// <param name="text">The text TE sent.</param>
    /// <exception cref="FormatException">The text is not a TE date.</exception>
    public static DateOnly? ParseDate(string? text) =>
        IsNoDate(text) ? null
        : TryParseDate(text!, out var value) ? value
        : throw new FormatException($"\"{text}\" is not a TE date (expected YYYY-MM-DD).");

    internal static bool TryParse(string text, out DateTimeOffset value) =>
        // TE dates carry no offset and are UTC by contract.
        DateTimeOffset.TryParseExact(text.Trim(), DateTimeFormats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);

    internal static bool TryParseDate(string text, out DateOnly value)
    {
        var trimmed = text.AsSpan().Trim();

        // A date-time where a date is expected: the calendar date as written, never shifted by an offset.
        if (trimmed.Length > DateFormat.Length && trimmed[DateFormat.Length] is ' ' or 'T')
        {
            trimmed = trimmed[..DateFormat.Length];
        }

        return DateOnly.TryParseExact(trimmed, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    /// <summary>Reads a date the model requires: anything but a readable date fails.</summary>
    internal static T ReadRequired<T>(ref Utf8JsonReader reader, TeDateKind<T> kind)
        where T : struct
    {
        var expected = kind.Expected;
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a TE date ({expected}), found {reader.TokenType}.");
        }

        var text = reader.GetString();
        if (IsNoDate(text))
        {
            throw new JsonException($"A TE date ({expected}) is required here; TE sent none.");
        }

        // The text is not repeated: it may be personal data (a birthday), and this message can reach a log.
        return kind.TryParse(text!, out var value) ? value : throw new JsonException($"Not a TE date (expected {expected}).");
    }

    /// <summary>Reads a date the model may leave unset: no date, or no readable date, is <c>null</c> (see the remarks).</summary>
    internal static T? ReadOptional<T>(ref Utf8JsonReader reader, TeDateKind<T> kind)
        where T : struct
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                var text = reader.GetString();
                return !IsNoDate(text) && kind.TryParse(text!, out var value) ? value : null;
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                reader.Skip();
                return null;
            default:
                return null;
        }
    }

    private static bool IsNoDate(string? text) =>
        string.IsNullOrWhiteSpace(text) || text.AsSpan().TrimStart().StartsWith(NoDate, StringComparison.Ordinal);
}
