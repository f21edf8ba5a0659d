using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace TeGen.Build.Tasks;

/// <summary>
/// Runs TeGen.Build.Tool (<c>dotnet exec TeGen.Build.Tool.dll generate OPTIONS</c>) for one spec. The tool does the
/// deciding (spec checks, names, NSwag) and prints TEGEN diagnostics in MSBuild's canonical format
/// (<c>spec.yaml(12,5): TeGen warning TEGEN010: ...</c>), which this task logs as warnings and errors with their file,
/// line and code. The build fails on a TEGEN error without MSBuild's extra "exited with code 1" error, and a tool that
/// fails without a diagnostic (it could not start, the runtime crashed) is reported as TEGEN003, never as an invalid spec.
/// </summary>
public sealed class TeGenGenerateClient : ToolTask
{
    /// <summary>The code of a failure of the tool itself.</summary>
    public const string ToolFailedCode = "TEGEN003";

    /// <summary>TeGen.Build.Tool.dll.</summary>
    [Required]
    public string ToolAssembly { get; set; } = string.Empty;

    /// <summary>The options file the targets wrote for this spec.</summary>
    [Required]
    public string OptionsFile { get; set; } = string.Empty;

    /// <summary>The spec, named by an error the tool could not report itself.</summary>
    [Required]
    public string SpecFile { get; set; } = string.Empty;

    /// <summary>The dotnet host (<c>$(DOTNET_HOST_PATH)</c>); empty or <c>dotnet</c> means the one on PATH.</summary>
    public string? DotnetHost { get; set; }

    /// <inheritdoc />
    protected override string ToolName => "dotnet";

    // The tool's lines are the build's diagnostics; anything else it prints is detail for -v:n.
    /// <inheritdoc />
    protected override MessageImportance StandardOutputLoggingImportance => MessageImportance.Normal;

    /// <inheritdoc />
    protected override MessageImportance StandardErrorLoggingImportance => MessageImportance.Normal;

    /// <inheritdoc />
    public override bool Execute() => base.Execute() && !Log.HasLoggedErrors;

    /// <inheritdoc />
    protected override string GenerateFullPathToTool() =>
        !string.IsNullOrEmpty(DotnetHost) && DotnetHost != ToolName ? DotnetHost! : FindOnPath(ToolName) ?? ToolName;

    /// <inheritdoc />
    protected override string GenerateCommandLineCommands()
    {
        var command = new CommandLineBuilder();
        command.AppendSwitch("exec");
        command.AppendFileNameIfNotNull(ToolAssembly);
        command.AppendSwitch("generate");
        command.AppendFileNameIfNotNull(OptionsFile);
        return command.ToString();
    }

    /// <summary>Called for a non-zero exit code: exit code 1 comes with a TEGEN error already logged.</summary>
    protected override bool HandleTaskExecutionErrors()
    {
        if (!Log.HasLoggedErrors)
        {
            Log.LogError("TeGen", ToolFailedCode, null, SpecFile, 0, 0, 0, 0,
                "TeGen.Build.Tool failed (exit code {0}) without a TEGEN diagnostic; its output is above (-v:n).", ExitCode);
        }

        return false;
    }

    private static string? FindOnPath(string program)
    {
        var names = Path.DirectorySeparatorChar == '\\' ? new[] { program + ".exe", program } : new[] { program };
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            foreach (var name in names)
            {
                var candidate = Path.Combine(directory.Trim(), name);
                if (directory.Length > 0 && File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
