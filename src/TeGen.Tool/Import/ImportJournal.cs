using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TeGen.Tool.Import;

/// <summary>
/// The checkpoint of an import: an append-only JSON lines file, flushed after every record. A row is recorded as
/// <see cref="RowState.Sending"/> before its request leaves and with its outcome after TE answers, so a run killed at any
/// moment leaves a journal that says which rows are done (never sent again), which were in flight (sent again: TE
/// deduplicates contacts, so a repeat is answered "duplicate", never a second contact) and which were not started.
/// </summary>
internal sealed class ImportJournal : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) } };

    private readonly FileStream _stream;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<int, JournalEntry> _latest;

    private ImportJournal(FileStream stream, Dictionary<int, JournalEntry> latest)
    {
        _stream = stream;
        _latest = latest;
    }

    /// <summary>The last recorded entry of every row the journal knows.</summary>
    public IReadOnlyDictionary<int, JournalEntry> Latest => _latest;

    /// <summary>Opens (or starts) the journal of <paramref name="inputPath"/>.</summary>
    /// <exception cref="InvalidOperationException">The journal belongs to a different input (the file changed since).</exception>
    public static async Task<ImportJournal> OpenAsync(string journalPath, string inputPath, CancellationToken cancellationToken)
    {
        var fingerprint = await FingerprintAsync(inputPath, cancellationToken).ConfigureAwait(false);
        var latest = new Dictionary<int, JournalEntry>();
        var exists = File.Exists(journalPath);
        var hasHeader = false;
        if (exists)
        {
            var lines = await File.ReadAllLinesAsync(journalPath, cancellationToken).ConfigureAwait(false);
            foreach (var line in lines)
            {
                if (Read(line) is not { } entry)
                {
                    continue;
                }

                if (entry.InputSha256 is { } recorded)
                {
                    if (recorded != fingerprint)
                    {
                        throw new InvalidOperationException(
                            $"The checkpoint {journalPath} belongs to another version of {Path.GetFileName(inputPath)} (the file changed since that import started). " +
                            "Resume with the original file, or pass --restart to start over (TE deduplicates contacts already sent).");
                    }

                    hasHeader = true;
                    continue;
                }

                latest[entry.Line] = entry;
            }
        }

        var stream = new FileStream(journalPath, FileMode.Append, FileAccess.Write, FileShare.Read);
        var journal = new ImportJournal(stream, latest);
        if (exists && stream.Length > 0 && !await EndsWithNewLineAsync(journalPath, cancellationToken).ConfigureAwait(false))
        {
            // A line cut short by a kill would run into the next record: start a fresh line.
            await stream.WriteAsync("\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
        }

        if (!hasHeader)
        {
            // A new journal, or one whose header a kill cut short: name the input before any row.
            await journal.AppendAsync(new JournalEntry { InputSha256 = fingerprint }, remember: false, cancellationToken).ConfigureAwait(false);
        }

        return journal;
    }

    public Task RecordAsync(JournalEntry entry, CancellationToken cancellationToken) => AppendAsync(entry, remember: true, cancellationToken);

    // A line cut short by a kill (it stays in the file, followed by later runs' records) or left blank records nothing:
    // the row it was about counts as not recorded, so it is sent again and TE answers "duplicate".
    private static JournalEntry? Read(string line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<JournalEntry>(line, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task<bool> EndsWithNewLineAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        if (file.Length == 0)
        {
            return true;
        }

        file.Seek(-1, SeekOrigin.End);
        var last = new byte[1];
        await file.ReadExactlyAsync(last, cancellationToken).ConfigureAwait(false);
        return last[0] == (byte)'\n';
    }

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync().ConfigureAwait(false);
        _gate.Dispose();
    }

    private async Task AppendAsync(JournalEntry entry, bool remember, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(entry, Json) + "\n");
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);

            // To the OS at once: a killed process loses nothing it recorded.
            await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            if (remember)
            {
                _latest[entry.Line] = entry;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private static async Task<string> FingerprintAsync(string path, CancellationToken cancellationToken)
    {
        await using var input = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(input, cancellationToken).ConfigureAwait(false));
    }
}
