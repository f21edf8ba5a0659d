using TeGen.Build.Tests;

namespace TeGen.Analyzers.Tests.Packaging;

/// <summary>
/// Packs src/TeGen.Client (with its analyzers) once per test run into a private folder feed, under a version no
/// other run uses (NuGet caches packages by id and version), and removes that version from the package cache
/// afterwards. It packs what the build of this test project has just built (the client and analyzers are project
/// references of it), in the same configuration, without building again: a rebuild of the client would cost more
/// than the rest of the test. Only the nuspec is written, into the private folder.
/// </summary>
public sealed class PackedTeGenClient : IAsyncLifetime
{
    public string Version { get; } = $"0.0.0-analyzers.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";

    public string WorkDirectory { get; } = Path.Combine(Path.GetTempPath(), "tegen-analyzer-tests", Guid.NewGuid().ToString("N"));

    private string Feed => Path.Combine(WorkDirectory, "feed");

    // This assembly runs from bin/<Configuration>/<TargetFramework>/.
    private static string Configuration => new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    public async Task InitializeAsync()
    {
        var pack = await DotnetCli.RunAsync(
            TeGen.Tests.RepoPaths.Root,
            "pack", TeGen.Tests.RepoPaths.Combine("src", "TeGen.Client", "TeGen.Client.csproj"),
            "--no-build",
            "-c", Configuration,
            "-o", Feed,
            $"-p:PackageVersion={Version}",
            $"-p:NuspecOutputPath={Path.Combine(WorkDirectory, "nuspec")}{Path.DirectorySeparatorChar}");
        Assert.True(pack.ExitCode == 0, pack.ToString());
    }

    /// <summary>A fresh copy of tests/fixtures/AnalyzerConsumer that restores TeGen.Client from the private feed only.</summary>
    public string NewConsumer()
    {
        var directory = Path.Combine(WorkDirectory, "consumer-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        foreach (var file in Directory.EnumerateFiles(TeGen.Tests.RepoPaths.Combine("tests", "fixtures", "AnalyzerConsumer")))
        {
            File.Copy(file, Path.Combine(directory, Path.GetFileName(file)));
        }

        // Only the private feed: TeGen.Client's dependencies are already in the package cache from the repository's restore.
        TeGen.Tests.LocalFeed.WriteNuGetConfig(directory, Feed, only: true);
        return directory;
    }

    internal Task<TeGen.Tests.ChildProcess.Result> BuildAsync(string consumer) =>
        DotnetCli.RunAsync(consumer, "build", "-nodeReuse:false", "-clp:NoSummary", $"-p:TeGenClientVersion={Version}");

    public Task DisposeAsync()
    {
        TeGen.Tests.LocalFeed.Delete([WorkDirectory, TeGen.Tests.LocalFeed.CachedPackage("TeGen.Client", Version)]);
        return Task.CompletedTask;
    }
}
