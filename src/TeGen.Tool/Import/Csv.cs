namespace TeGen.Tool.Import;

/// <summary>Writes CSV fields (RFC 4180): quoted when they hold a comma, a quote or a line break.</summary>
internal static class Csv
{
    public static string Escape(string? value) =>
        value is null ? "" : value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
