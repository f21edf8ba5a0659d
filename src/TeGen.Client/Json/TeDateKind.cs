namespace TeGen.Client.Json;

/// <summary>One kind of TE date: how it is parsed and formatted, and its format for messages.</summary>
/// <typeparam name="T">The date type.</typeparam>
internal sealed class TeDateKind<T>(TeDateKind<T>.Parser tryParse, Func<T, string> format, string expected)
    where T : struct
{
    public delegate bool Parser(string text, out T value);

    public Parser TryParse { get; } = tryParse;

    public Func<T, string> Format { get; } = format;

    public string Expected { get; } = expected;
}
