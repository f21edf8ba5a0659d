namespace TeGen.Tool.Progress;

/// <summary>
/// Progress for logs and CI, where a redrawn bar would be noise: one <see cref="ProgressText.Line"/> per whole
/// <see cref="Step"/> of the rows settled, and at the end.
/// </summary>
internal sealed class PlainProgress(TextWriter output, TimeProvider time) : IImportProgress
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    /// <summary>A line every 5 % of the rows.</summary>
    public const double Step = 0.05;

    public async Task<T> RunAsync<T>(ImportCounters counters, Func<Task<T>> import, CancellationToken cancellationToken)
    {
        var work = import();
        var reported = -1;
        while (!work.IsCompleted)
        {
            await Task.WhenAny(work, Task.Delay(Poll, time, CancellationToken.None)).ConfigureAwait(false);
            reported = Report(counters.Snapshot(), reported, final: work.IsCompleted);
        }

        Report(counters.Snapshot(), reported, final: true);
        return await work.ConfigureAwait(false);
    }

    private int Report(ImportSnapshot snapshot, int reported, bool final)
    {
        var step = (int)Math.Floor(snapshot.Fraction / Step);
        if (step > reported || (final && reported != int.MaxValue))
        {
            output.WriteLine(ProgressText.Line(snapshot));
            output.Flush();
            return final ? int.MaxValue : step;
        }

        return reported;
    }
}
