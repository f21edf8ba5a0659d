namespace TeGen.Tool.Import;

/// <summary>Picks the reader for an input file by its extension: <c>.jsonl</c>/<c>.ndjson</c> are JSON lines, anything else CSV.</summary>
internal static class RowSource
{
    public static IAsyncEnumerable<SourceRow> Read(string path, CancellationToken cancellationToken) =>
        Path.GetExtension(path).ToUpperInvariant() is ".JSONL" or ".NDJSON"
            ? JsonLinesRowReader.ReadAsync(path, cancellationToken)
            : CsvRowReader.ReadAsync(path, cancellationToken);
}
