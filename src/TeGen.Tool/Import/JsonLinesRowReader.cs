using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TeGen.Tool.Import;

/// <summary>Reads a JSON lines file: one JSON object per line, blank lines skipped.</summary>
internal static class JsonLinesRowReader
{
    public static async IAsyncEnumerable<SourceRow> ReadAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var line = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } text)
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            JsonNode? node;
            try
            {
                node = JsonNode.Parse(text);
            }
            catch (JsonException e)
            {
                throw new InputFormatException(path, line, $"not JSON: {e.Message}");
            }

            if (node is not JsonObject record)
            {
                throw new InputFormatException(path, line, "each line must be one JSON object");
            }

            var values = new Dictionary<string, JsonNode?>(StringComparer.OrdinalIgnoreCase);
            foreach (var (name, value) in record)
            {
                if (value is not null && !(value is JsonValue v && v.TryGetValue<string>(out var s) && s.Length == 0))
                {
                    values[name] = value.DeepClone();
                }
            }

            yield return new SourceRow(line, values);
        }
    }
}
