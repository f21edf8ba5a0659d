namespace TeGen.Client.Json;

/// <summary>
/// Reads TE dates: <c>YYYY-MM-DD hh:mm:ss</c> (UTC), date-only <c>YYYY-MM-DD</c>, and the ISO 8601 forms some
/// endpoints use (<c>2021-01-28T16:21:40.000000Z</c>, <c>2024-01-15T10:30:00Z</c>); writes
/// <c>YYYY-MM-DD hh:mm:ss</c> in UTC, the format TE documents for input. Culture-invariant both ways.
/// </summary>
public sealed class TeDateTimeOffsetConverter() : TeDateConverter<DateTimeOffset>(TeDates.DateTimeValues);

/// <summary>
/// The nullable form of <see cref="TeDateTimeOffsetConverter"/>: TE's "no date" value <c>0000-00-00 00:00:00</c>,
/// <c>""</c> and a value that is no date at all read as <c>null</c> (see <see cref="TeDates"/>).
/// </summary>
public sealed class TeNullableDateTimeOffsetConverter() : TeNullableDateConverter<DateTimeOffset>(TeDates.DateTimeValues);
