using System.Text.Json.Nodes;

namespace TeGen.Tool.Import;

/// <summary>One record of the input file, keyed by column (CSV header or JSON member) as the file names it.</summary>
/// <param name="Line">The line of the file the record starts on (1-based; a CSV's header is line 1).</param>
/// <param name="Values">The record's values; empty cells are absent.</param>
internal sealed record SourceRow(int Line, IReadOnlyDictionary<string, JsonNode?> Values);
