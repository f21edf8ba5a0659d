using TeGen.Build.Tasks;

namespace TeGen.Build.Tests.Tasks;

/// <summary>
/// The MSBuild task that runs TeGen.Build.Tool, against a stand-in for the dotnet host: a script that prints what the
/// tool would and exits as it would, so each outcome (warnings, a TEGEN error, a crash without a diagnostic) is shown
/// to MSBuild as the build needs it. (The stand-in is a POSIX shell script; CI runs on Linux.)
/// </summary>
public sealed class TeGenGenerateClientTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("tegen-task-").FullName;

    [Fact]
    public void Tool_warnings_become_MSBuild_warnings_with_file_line_and_code_and_the_task_succeeds()
    {
        var (task, engine) = Task("""
            echo "/specs/hostile.yaml(12,5): TeGen warning TEGEN010: Operation 'ListThings' (GET /v1/things) has no response schema."
            echo "NSwag command line tool for .NET Core"
            exit 0
            """);

        Assert.True(task.Execute());

        var warning = Assert.Single(engine.Warnings);
        Assert.Equal(("TEGEN010", "/specs/hostile.yaml", 12, 5), (warning.Code, warning.File, warning.LineNumber, warning.ColumnNumber));
        Assert.Empty(engine.Errors);
    }

    [Fact]
    public void A_TEGEN_error_fails_the_task_with_that_error_alone()
    {
        var (task, engine) = Task("""
            echo "/specs/broken.yaml(3,1): TeGen error TEGEN001: The OpenAPI description is invalid: the YAML starting here cannot be read."
            exit 1
            """);

        Assert.False(task.Execute());

        // No "exited with code 1" (MSB6006) beside it: the reader sees the spec's own error.
        var error = Assert.Single(engine.Errors);
        Assert.Equal(("TEGEN001", "/specs/broken.yaml", 3), (error.Code, error.File, error.LineNumber));
    }

    [Fact]
    public void A_tool_that_fails_without_a_diagnostic_is_TEGEN003_naming_the_spec_never_an_invalid_spec()
    {
        var (task, engine) = Task("""
            echo "Unhandled exception. System.InvalidProgramException" >&2
            exit 134
            """);

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal(TeGenGenerateClient.ToolFailedCode, error.Code);
        Assert.Equal("/specs/pets.yaml", error.File);
        Assert.Contains("exit code 134", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_host_is_asked_to_exec_the_tool_with_the_options_file()
    {
        var arguments = Path.Combine(_directory, "arguments.txt");
        var (task, _) = Task($"""
            printf '%s\n' "$@" > "{arguments}"
            exit 0
            """);

        Assert.True(task.Execute());

        Assert.Equal(["exec", "/tools/TeGen.Build.Tool.dll", "generate", "/obj/TeGen/pets.options"], File.ReadAllLines(arguments));
    }

    private (TeGenGenerateClient Task, RecordingBuildEngine Engine) Task(string script)
    {
        var host = Path.Combine(_directory, $"dotnet-{Guid.NewGuid():N}.sh");
        File.WriteAllText(host, "#!/bin/sh\n" + script.ReplaceLineEndings("\n") + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(host, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var engine = new RecordingBuildEngine();
        return (new TeGenGenerateClient
        {
            BuildEngine = engine,
            DotnetHost = host,
            ToolAssembly = "/tools/TeGen.Build.Tool.dll",
            OptionsFile = "/obj/TeGen/pets.options",
            SpecFile = "/specs/pets.yaml",
        }, engine);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
