using TeGen.Tests;

namespace TeGen.Build.Tests;

/// <summary>Runs the dotnet CLI as a customer would, isolated from the test host's own MSBuild environment.</summary>
internal static class DotnetCli
{
    public static Task<ChildProcess.Result> RunAsync(string workingDirectory, params string[] arguments) =>
        ChildProcess.RunAsync("dotnet", workingDirectory, environment: null, TimeSpan.FromMinutes(5), arguments);
}
