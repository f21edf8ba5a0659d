using System.Diagnostics;
using System.Text.Json;

namespace TeGen.Client.Redis.TestHost;

/// <summary>
/// Runs N of these hosts as child processes (<c>dotnet TeGen.Client.Redis.TestHost.dll</c>, from the caller's output
/// directory, where a project reference puts it): each says "ready" once connected, they are all told "go" together,
/// and each one's <see cref="HostResult"/> is returned. Used by the coordination tests and the multi-process benchmark.
/// </summary>
public static class FleetProcesses
{
    private static readonly string HostAssembly = Path.Combine(AppContext.BaseDirectory, "TeGen.Client.Redis.TestHost.dll");

    public static async Task<HostResult[]> RunAsync(int processes, Func<int, IEnumerable<string>> arguments, TimeSpan timeout)
    {
        var children = new List<Process>();
        try
        {
            for (var i = 0; i < processes; i++)
            {
                var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
                start.ArgumentList.Add(HostAssembly);
                foreach (var argument in arguments(i))
                {
                    start.ArgumentList.Add(argument);
                }

                children.Add(Process.Start(start)!);
            }

            using var deadline = new CancellationTokenSource(timeout);
            var errors = children.Select(c => c.StandardError.ReadToEndAsync(deadline.Token)).ToList();
            foreach (var child in children)
            {
                var line = await child.StandardOutput.ReadLineAsync(deadline.Token);
                if (line != "ready")
                {
                    throw new InvalidOperationException($"A child did not start: {line} {await errors[children.IndexOf(child)]}");
                }
            }

            foreach (var child in children)
            {
                await child.StandardInput.WriteLineAsync("go");
                await child.StandardInput.FlushAsync();
            }

            var results = new HostResult[processes];
            for (var i = 0; i < processes; i++)
            {
                var output = await children[i].StandardOutput.ReadToEndAsync(deadline.Token);
                await children[i].WaitForExitAsync(deadline.Token);
                var last = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
                results[i] = last is null
                    ? throw new InvalidOperationException($"Child {i} printed no result (exit {children[i].ExitCode}): {await errors[i]}")
                    : JsonSerializer.Deserialize<HostResult>(last)!;
            }

            return results;
        }
        finally
        {
            foreach (var child in children)
            {
                if (!child.HasExited)
                {
                    child.Kill(entireProcessTree: true);
                }

                child.Dispose();
            }
        }
    }
}
