using TeGen.Client;
using TeGen.Tool.Progress;

namespace TeGen.Tool.Import;

/// <summary>
/// An import of contacts: every row is validated with the SDK's rules first (nothing is sent while any row is read),
/// then the valid rows not settled by an earlier run are sent through the SDK — its limiter keeps TE's rate, so no 429
/// — a few at a time, each recorded in the checkpoint journal before and after its request.
/// </summary>
internal sealed class ImportJob(ImportSettings settings, TotalExpertAdminClient admin, ContactValidator validator, TimeProvider time)
{
    // After Ctrl+C, requests already on their way get this long to be answered (and recorded) before they are abandoned.
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(5);

    private readonly ContactRowBuilder _builder = new(settings.Mapping, settings.Defaults);

    /// <summary>Reads and validates every row: the lines of the input, and the problems of the invalid ones.</summary>
    public async Task<(List<int> Lines, List<RowProblem> Problems)> ValidateAsync(CancellationToken cancellationToken)
    {
        var lines = new List<int>();
        var problems = new List<RowProblem>();
        await foreach (var row in RowSource.Read(settings.InputPath, cancellationToken).ConfigureAwait(false))
        {
            lines.Add(row.Line);
            var (contact, found) = _builder.Build(row);
            problems.AddRange(found);
            if (contact is not null)
            {
                problems.AddRange(await validator.CheckAsync(row.Line, contact, cancellationToken).ConfigureAwait(false));
            }
        }

        return (lines, problems);
    }

    public async Task<ImportOutcome> RunAsync(IImportProgress progress, CancellationToken cancellationToken)
    {
        var (lines, problems) = await ValidateAsync(cancellationToken).ConfigureAwait(false);
        var unmapped = _builder.Mapping.Unmapped.ToList();
        var invalid = problems.Select(p => p.Line).ToHashSet();
        var valid = lines.Where(l => !invalid.Contains(l)).ToHashSet();
        var counters = new ImportCounters(valid.Count, invalid.Count, time);
        if (settings.DryRun)
        {
            return new ImportOutcome(counters.Snapshot(), lines.Count, problems, unmapped, null, null);
        }

        if (settings.Restart)
        {
            File.Delete(settings.JournalPath);
        }

        await using var journal = await ImportJournal.OpenAsync(settings.JournalPath, settings.InputPath, cancellationToken).ConfigureAwait(false);
        foreach (var line in valid)
        {
            if (journal.Latest.TryGetValue(line, out var entry) && entry.IsSettled)
            {
                counters.Resumed(entry.State == RowState.Created, entry.State == RowState.Duplicate, entry.State == RowState.Failed);
            }
        }

        string? stopReason;
        try
        {
            stopReason = await progress.RunAsync(counters, () => SendAsync(journal, valid, counters, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await ResultsFile.WriteAsync(settings.ResultsPath, lines, journal.Latest, problems.ToLookup(p => p.Line), CancellationToken.None).ConfigureAwait(false);
        }

        return new ImportOutcome(counters.Snapshot(), lines.Count, problems, unmapped, stopReason, settings.ResultsPath);
    }

    // Returns why the run stopped early, or null when every row was sent.
    private async Task<string?> SendAsync(ImportJournal journal, HashSet<int> valid, ImportCounters counters, CancellationToken cancellationToken)
    {
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var abort = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
        using var graceOnStop = stopping.Token.Register(() => abort.CancelAfter(Grace));
        using var slots = new SemaphoreSlim(settings.Parallel);
        string? stopReason = null;
        void Stop(string reason)
        {
            Interlocked.CompareExchange(ref stopReason, reason, null);
            stopping.Cancel();
        }

        var inFlight = new List<Task>();
        try
        {
            await foreach (var row in RowSource.Read(settings.InputPath, CancellationToken.None).ConfigureAwait(false))
            {
                if (!valid.Contains(row.Line) || (journal.Latest.TryGetValue(row.Line, out var entry) && entry.IsSettled))
                {
                    continue;
                }

                await slots.WaitAsync(stopping.Token).ConfigureAwait(false);
                inFlight.Add(SendRowAsync(row));
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopped: no new row is started; those in flight finish below.
        }

        await Task.WhenAll(inFlight).ConfigureAwait(false);
        if (stopReason is null && cancellationToken.IsCancellationRequested)
        {
            stopReason = "cancelled (Ctrl+C)";
        }

        return stopReason;

        async Task SendRowAsync(SourceRow row)
        {
            try
            {
                var contact = _builder.Build(row).Contact!;
                await journal.RecordAsync(new JournalEntry { Line = row.Line, State = RowState.Sending }, CancellationToken.None).ConfigureAwait(false);
                var result = await admin.Contacts.CreateContactAsync(contact, abort.Token).ConfigureAwait(false);
                var state = result.IsDuplicate ? RowState.Duplicate : RowState.Created;
                await journal.RecordAsync(new JournalEntry { Line = row.Line, State = state, Id = result.Id }, CancellationToken.None).ConfigureAwait(false);
                counters.Settled(state == RowState.Created, state == RowState.Duplicate, failed: false);
            }
            catch (TokenBudgetExceededException e)
            {
                // Nothing was sent for this row; it stays "sending" and goes out on the next run.
                Stop($"TE's token budget is spent ({e.Message}); run the same command again later to resume");
            }
            catch (TotalExpertAuthenticationException e)
            {
                Stop($"TE refused the credentials ({e.Message}); fix TotalExpert:ClientId / ClientSecret and run again to resume");
            }
            catch (OperationCanceledException) when (abort.IsCancellationRequested || stopping.IsCancellationRequested)
            {
                // Abandoned in flight: it stays "sending" and is sent again on resume, where TE answers "duplicate" if it arrived.
            }
            catch (Exception e) when (e is TotalExpertApiException or TotalExpertRequestValidationException)
            {
                var entry = new JournalEntry { Line = row.Line, State = RowState.Failed, Error = e.Message, Retryable = Retryable(e) };
                await journal.RecordAsync(entry, CancellationToken.None).ConfigureAwait(false);
                counters.Settled(created: false, duplicate: false, failed: true);
            }
            finally
            {
                slots.Release();
            }
        }
    }

    // Transient failures are sent again on the next run; TE's refusals are not.
    private static bool Retryable(Exception e) => e is TotalExpertRateLimitException or TotalExpertServerException
        or TotalExpertTransportException or TotalExpertTimeoutException or TotalExpertProtocolException;
}
