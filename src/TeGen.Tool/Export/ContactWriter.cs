using System.Text.Json;
using System.Text.Json.Nodes;
using TeGen.Client;
using TeGen.Client.Json;
using TeGen.Tool.Import;

namespace TeGen.Tool.Export;

/// <summary>
/// Writes exported contacts. CSV has TE's field names as columns (<c>id</c>, <c>owner_id</c>, every scalar field,
/// <c>contact_groups</c> joined by <c>;</c>) so that <c>tegen import contacts</c> reads the file back with its default mapping.
/// </summary>
internal sealed class ContactWriter(TextWriter output, ExportFormat format)
{
    private static readonly string[] Columns = ["id", ImportFields.OwnerId, .. ImportFields.Scalar, ImportFields.Groups];

    private bool _started;

    public async Task WriteAsync(Contact contact, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.SerializeToNode(contact, TeJson.Options)!.AsObject();
        if (format == ExportFormat.Jsonl)
        {
            await output.WriteLineAsync(json.ToJsonString().AsMemory(), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!_started)
        {
            _started = true;
            await output.WriteLineAsync(string.Join(',', Columns).AsMemory(), cancellationToken).ConfigureAwait(false);
        }

        var cells = Columns.Select(column => Csv.Escape(column switch
        {
            ImportFields.OwnerId => Text(json["owner"]?["id"]),
            ImportFields.Groups => json["contact_groups"] is JsonArray groups
                ? string.Join(';', groups.Select(g => Text(g?["group_name"])).Where(n => !string.IsNullOrEmpty(n)))
                : null,
            _ => Text(json[column]),
        }));
        await output.WriteLineAsync(string.Join(',', cells).AsMemory(), cancellationToken).ConfigureAwait(false);
    }

    private static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonValue value => value.ToJsonString(),
        _ => null,
    };
}
