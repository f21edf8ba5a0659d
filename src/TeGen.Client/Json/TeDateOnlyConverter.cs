namespace TeGen.Client.Json;

/// <summary>
/// Reads and writes TE's date-only values (<c>format: date</c>, e.g. a contact's birthday) as <c>YYYY-MM-DD</c>,
/// culture-invariant: whatever the current culture, the year is a Gregorian year (a Thai, Saudi or Iranian culture
/// would otherwise read and write another calendar's year).
/// </summary>
public sealed class TeDateOnlyConverter() : TeDateConverter<DateOnly>(TeDates.DateOnlyValues);

/// <summary>
/// The nullable form of <see cref="TeDateOnlyConverter"/>: TE's "no date" value <c>0000-00-00</c>, <c>""</c> and a
/// value that is no date at all read as <c>null</c> (see <see cref="TeDates"/>).
/// </summary>
public sealed class TeNullableDateOnlyConverter() : TeNullableDateConverter<DateOnly>(TeDates.DateOnlyValues);
