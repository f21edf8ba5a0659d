using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;

namespace TeGen.Tool.Import;

/// <summary>
/// Reads an RFC 4180 CSV file (header row, comma separated, double-quoted fields that may span lines) and keeps the line
/// each record starts on, so problems can name it.
/// </summary>
internal static class CsvRowReader
{
    public static async IAsyncEnumerable<SourceRow> ReadAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var cursor = new Cursor(reader, path);
        var header = await cursor.ReadRecordAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new InputFormatException(path, 1, "the file is empty; a CSV import needs a header row naming the columns");
        var columns = header.Fields.Select(f => f.Trim()).ToArray();
        var duplicate = columns.GroupBy(c => c, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1 && g.Key.Length > 0);
        if (duplicate is not null)
        {
            throw new InputFormatException(path, 1, $"the header names column '{duplicate.Key}' twice");
        }

        while (await cursor.ReadRecordAsync(cancellationToken).ConfigureAwait(false) is { } record)
        {
            if (record.Fields.Count == 1 && record.Fields[0].Length == 0)
            {
                continue;
            }

            if (record.Fields.Count > columns.Length)
            {
                throw new InputFormatException(path, record.Line, $"{record.Fields.Count} fields, but the header names {columns.Length} columns");
            }

            var values = new Dictionary<string, JsonNode?>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < record.Fields.Count; i++)
            {
                if (columns[i].Length > 0 && record.Fields[i].Length > 0)
                {
                    values[columns[i]] = JsonValue.Create(record.Fields[i]);
                }
            }

            yield return new SourceRow(record.Line, values);
        }
    }

    private sealed record Record(int Line, List<string> Fields);

    private sealed class Cursor(StreamReader reader, string path)
    {
        private int _line;

        public async Task<Record?> ReadRecordAsync(CancellationToken cancellationToken)
        {
            var text = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            if (text is null)
            {
                return null;
            }

            var start = ++_line;
            var fields = new List<string>();
            var field = new StringBuilder();
            var quoted = false;
            var i = 0;
            while (true)
            {
                if (i == text.Length)
                {
                    if (!quoted)
                    {
                        fields.Add(field.ToString());
                        return new Record(start, fields);
                    }

                    // A quoted field goes on to the next line.
                    text = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false)
                        ?? throw new InputFormatException(path, start, "a quoted field is never closed");
                    _line++;
                    field.Append('\n');
                    i = 0;
                    continue;
                }

                var c = text[i++];
                if (quoted)
                {
                    if (c != '"')
                    {
                        field.Append(c);
                    }
                    else if (i < text.Length && text[i] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else if (c == '"' && field.Length == 0)
                {
                    quoted = true;
                }
                else if (c == ',')
                {
                    fields.Add(field.ToString());
                    field.Clear();
                }
                else
                {
                    field.Append(c);
                }
            }
        }
    }
}
