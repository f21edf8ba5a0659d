using System.Diagnostics;
using TeGen.Build.NSwag;
using TeGen.Build.Specs;

namespace TeGen.Build.Generation;

/// <summary>Checks the spec, writes the normalized copy when names need it, and runs NSwag on it.</summary>
internal static class Generator
{
    public static async Task<int> RunAsync(GenerateRequest request, TextWriter log, CancellationToken cancellationToken)
    {
        // A stale client is worse than none: the old output goes first, so a failed run cannot leave one behind.
        File.Delete(request.Output);

        var analysis = SpecAnalyzer.Analyze(request.Spec, new SpecAnalysisOptions { UntypedOperationsAsErrors = request.UntypedOperationsAsErrors, CamelCaseParameters = request.CamelCaseParameters });
        foreach (var diagnostic in analysis.Diagnostics)
        {
            log.WriteLine(diagnostic.ToMSBuildFormat());
        }

        if (analysis.HasErrors)
        {
            return 1;
        }

        var input = request.Spec;
        if (analysis.NeedsNormalizedCopy)
        {
            analysis.WriteNormalizedCopy(request.NormalizedCopy);
            input = request.NormalizedCopy;
        }
        else
        {
            File.Delete(request.NormalizedCopy);
        }

        var command = CommandLine.Split(request.NSwagCommand);
        var arguments = NSwagArguments.Merge(
            ["openapi2csclient", $"/input:{input}", $"/output:{request.Output}", .. CommandLine.Split(request.Arguments)],
            CommandLine.Split(request.AdditionalArguments));

        var (exitCode, output) = await RunProcessAsync(command[0], [.. command.Skip(1), .. arguments], cancellationToken);
        if (exitCode == 0 && File.Exists(request.Output))
        {
            // NSwag leaves an unchanged file untouched; the timestamp must move or the target would rerun forever.
            File.SetLastWriteTimeUtc(request.Output, DateTime.UtcNow);
            return 0;
        }

        File.Delete(request.Output);
        log.WriteLine(NSwagFailure.Explain(request.Spec, readSpecFile: input == request.Spec, exitCode, output).ToMSBuildFormat());
        return 1;
    }

    private static async Task<(int ExitCode, IReadOnlyList<string> Output)> RunProcessAsync(string fileName, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var output = new List<string>();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Add(e.Data);
        process.ErrorDataReceived += (_, e) => Add(e.Data);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            return (-1, [$"cannot start '{fileName}': {exception.Message}"]);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await process.WaitForExitAsync(cancellationToken);
        process.WaitForExit();
        return (process.ExitCode, output);

        void Add(string? line)
        {
            if (line is not null)
            {
                lock (output)
                {
                    output.Add(line);
                }
            }
        }
    }
}
