using System.Globalization;
using System.Text;

namespace TeGen.Tool.Import;

/// <summary>
/// The results file handed to the customer: one CSV line per input row, in input order — <c>line,state,te_id,error</c>
/// (created or duplicate with TE's id, failed or invalid with the reason, pending when the run stopped first). Written
/// whole to a temporary file and renamed, so it is never half written.
/// </summary>
internal static class ResultsFile
{
    public static async Task WriteAsync(
        string path, IEnumerable<int> lines, IReadOnlyDictionary<int, JournalEntry> journal, ILookup<int, RowProblem> problems, CancellationToken cancellationToken)
    {
        var text = new StringBuilder("line,state,te_id,error\n");
        foreach (var line in lines)
        {
            var (state, id, error) = problems[line].Any()
                ? (RowState.Invalid, (long?)null, string.Join("; ", problems[line].Select(p => $"{p.Field}: {p.Message}")))
                : journal.TryGetValue(line, out var entry)
                    ? (entry.State == RowState.Sending ? RowState.Pending : entry.State, entry.Id, entry.Error)
                    : (RowState.Pending, null, null);
            text.Append(line.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(Csv.Escape(state.ToString().ToLowerInvariant())).Append(',')
                .Append(id?.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(Csv.Escape(error)).Append('\n');
        }

        var temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, text.ToString(), cancellationToken).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: true);
    }
}
