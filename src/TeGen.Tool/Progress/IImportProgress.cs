namespace TeGen.Tool.Progress;

/// <summary>Shows an import's progress while it runs: a live bar on a terminal, plain lines when output is redirected, or nothing.</summary>
internal interface IImportProgress
{
    /// <summary>Runs <paramref name="import"/>, showing <paramref name="counters"/> until it completes.</summary>
    Task<T> RunAsync<T>(ImportCounters counters, Func<Task<T>> import, CancellationToken cancellationToken);
}
