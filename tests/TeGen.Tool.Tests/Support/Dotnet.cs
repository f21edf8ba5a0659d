using TeGen.Tests;

namespace TeGen.Tool.Tests.Support;

/// <summary>Runs the dotnet CLI (or an installed tool) as a user's shell would, with the given environment.</summary>
internal static class Dotnet
{
    public static Task<ChildProcess.Result> RunAsync(string fileName, string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        ChildProcess.RunAsync(fileName, workingDirectory, environment, TimeSpan.FromMinutes(3), arguments);
}
