using System.Diagnostics;
using System.Text;

namespace TeGen.Tool.Tests.Support;

/// <summary><c>tegen</c> as a real child process (<c>dotnet TeGen.Tool.dll ...</c>), configured through environment variables as a user's shell would.</summary>
internal sealed class ChildTool : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Func<string, bool>? _until;
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ChildTool(IDictionary<string, string?> settings, Func<string, bool>? until, params string[] args)
    {
        _until = until;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "TeGen.Tool.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Received(e.Data);
        _process.ErrorDataReceived += (_, e) => Received(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Completes when a line of output satisfies the condition given at start.</summary>
    public Task Reached => _reached.Task;

    public void Kill() => _process.Kill(entireProcessTree: true);

    public async Task<int> ExitAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private void Received(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (_until?.Invoke(line) == true)
        {
            _reached.TrySetResult();
        }
    }
}
