using Spectre.Console;

namespace TeGen.Tool.Progress;

/// <summary>A live, redrawn progress display on a terminal (Spectre.Console), refreshed four times a second.</summary>
internal sealed class LiveProgress(IAnsiConsole console, string title, TimeProvider time) : IImportProgress
{
    private static readonly TimeSpan Refresh = TimeSpan.FromMilliseconds(250);

    public async Task<T> RunAsync<T>(ImportCounters counters, Func<Task<T>> import, CancellationToken cancellationToken)
    {
        T result = default!;
        await console.Live(ProgressView.Render(title, counters.Snapshot()))
            .AutoClear(false)
            .StartAsync(async context =>
            {
                var work = import();
                while (!work.IsCompleted)
                {
                    await Task.WhenAny(work, Task.Delay(Refresh, time, CancellationToken.None)).ConfigureAwait(false);
                    context.UpdateTarget(ProgressView.Render(title, counters.Snapshot()));
                }

                result = await work.ConfigureAwait(false);
            }).ConfigureAwait(false);
        return result;
    }
}
