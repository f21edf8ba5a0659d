namespace TeGen.Tool.Progress;

/// <summary>No progress display (<c>--output json</c>): the summary alone reports.</summary>
internal sealed class NoProgress : IImportProgress
{
    public Task<T> RunAsync<T>(ImportCounters counters, Func<Task<T>> import, CancellationToken cancellationToken) => import();
}
