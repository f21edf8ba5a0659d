namespace TeGen.Tool.Progress;

/// <summary>The running counts of an import, updated from concurrent sends; rate and ETA are measured on <see cref="TimeProvider"/>.</summary>
internal sealed class ImportCounters(int total, int invalid, TimeProvider time)
{
    private readonly long _started = time.GetTimestamp();
    private int _created;
    private int _duplicates;
    private int _failed;
    private int _resumed;
    private int _sentThisRun;

    public int Total => total;

    /// <summary>A row an earlier run settled.</summary>
    public void Resumed(bool created, bool duplicate, bool failed)
    {
        Interlocked.Increment(ref _resumed);
        Count(created, duplicate, failed);
    }

    /// <summary>A row this run sent and settled.</summary>
    public void Settled(bool created, bool duplicate, bool failed)
    {
        Interlocked.Increment(ref _sentThisRun);
        Count(created, duplicate, failed);
    }

    public ImportSnapshot Snapshot()
    {
        var elapsed = time.GetElapsedTime(_started);
        var sent = Volatile.Read(ref _sentThisRun);
        var done = Volatile.Read(ref _created) + Volatile.Read(ref _duplicates) + Volatile.Read(ref _failed);
        var rate = elapsed > TimeSpan.Zero ? sent / elapsed.TotalSeconds : 0;
        TimeSpan? remaining = rate > 0 ? TimeSpan.FromSeconds(Math.Ceiling(Math.Max(0, total - done) / rate)) : null;
        return new ImportSnapshot(total, done, _created, _duplicates, _failed, invalid, _resumed, rate, remaining);
    }

    private void Count(bool created, bool duplicate, bool failed)
    {
        if (created)
        {
            Interlocked.Increment(ref _created);
        }
        else if (duplicate)
        {
            Interlocked.Increment(ref _duplicates);
        }
        else if (failed)
        {
            Interlocked.Increment(ref _failed);
        }
    }
}
