using TeGen.Tool.Import;

namespace TeGen.Tool.Tests.Import;

/// <summary>
/// The checkpoint survives any number of kills: a line cut short by one stays in the file, followed by the next runs'
/// records, and every later run still reads the journal, counting only the cut row as not recorded.
/// </summary>
public sealed class ImportJournalTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("tegen-journal-").FullName;

    [Fact]
    public async Task A_journal_cut_by_two_kills_still_opens_and_keeps_every_complete_record()
    {
        var input = Path.Combine(_directory, "contacts.csv");
        await File.WriteAllTextAsync(input, "first_name,last_name,email\nAnn,Lee,ann@example.com\nBo,Li,bo@example.com\nCy,Ng,cy@example.com\n");
        var journalPath = input + ".tegen-checkpoint.jsonl";

        // Run 1 records line 2, then dies while writing line 3's outcome.
        await using (var journal = await ImportJournal.OpenAsync(journalPath, input, default))
        {
            await journal.RecordAsync(new JournalEntry { Line = 2, State = RowState.Created, Id = 11 }, default);
        }

        await File.AppendAllTextAsync(journalPath, "{\"line\":3,\"state\":\"crea");

        // Run 2 resumes, records line 3 and 4, and is killed too, in the middle of a later line.
        await using (var journal = await ImportJournal.OpenAsync(journalPath, input, default))
        {
            Assert.Equal([2], journal.Latest.Keys);
            await journal.RecordAsync(new JournalEntry { Line = 3, State = RowState.Duplicate, Id = 12 }, default);
            await journal.RecordAsync(new JournalEntry { Line = 4, State = RowState.Sending }, default);
        }

        await File.AppendAllTextAsync(journalPath, "{\"line\":4,\"st");

        // Run 3 reads past both cut lines.
        await using (var journal = await ImportJournal.OpenAsync(journalPath, input, default))
        {
            Assert.Equal([2, 3, 4], journal.Latest.Keys.Order());
            Assert.True(journal.Latest[3].IsSettled);
            Assert.Equal(RowState.Sending, journal.Latest[4].State);
        }
    }

    [Fact]
    public async Task A_journal_of_another_input_is_refused()
    {
        var input = Path.Combine(_directory, "contacts.csv");
        await File.WriteAllTextAsync(input, "first_name\nAnn\n");
        var journalPath = input + ".tegen-checkpoint.jsonl";
        await (await ImportJournal.OpenAsync(journalPath, input, default)).DisposeAsync();
        await File.WriteAllTextAsync(input, "first_name\nBo\n");

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => ImportJournal.OpenAsync(journalPath, input, default));

        Assert.Contains("belongs to another version of contacts.csv", refused.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
