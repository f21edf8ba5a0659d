using System.Text.Json;
using System.Text.Json.Serialization;

namespace TeGen.Client.Json;

/// <summary>
/// Base of TeGen's converters for a date TE requires (<see cref="TeDateTimeOffsetConverter"/>,
/// <see cref="TeDateOnlyConverter"/>): one of TE's formats, culture-invariant; anything else fails the read.
/// </summary>
/// <typeparam name="T">The date type.</typeparam>
public abstract class TeDateConverter<T> : JsonConverter<T>
    where T : struct
{
    private readonly TeDateKind<T> _kind;

    private protected TeDateConverter(TeDateKind<T> kind) => _kind = kind;

    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        TeDates.ReadRequired(ref reader, _kind);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WriteStringValue(_kind.Format(value));
}

/// <summary>
/// Base of TeGen's converters for a date TE may leave unset (<see cref="TeNullableDateTimeOffsetConverter"/>,
/// <see cref="TeNullableDateOnlyConverter"/>): TE's "no date" and a value that is no date read as <c>null</c>
/// (see <see cref="TeDates"/>).
/// </summary>
/// <typeparam name="T">The date type.</typeparam>
public abstract class TeNullableDateConverter<T> : JsonConverter<T?>
    where T : struct
{
    private readonly TeDateKind<T> _kind;

    private protected TeNullableDateConverter(TeDateKind<T> kind) => _kind = kind;

    /// <inheritdoc />
    public override bool HandleNull => true;

    /// <inheritdoc />
    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        TeDates.ReadOptional(ref reader, _kind);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T? value, JsonSerializerOptions options)
    {
        if (value is { } date)
        {
            writer.WriteStringValue(_kind.Format(date));
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
