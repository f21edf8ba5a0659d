namespace TeGen.Build.Tests;

/// <summary>
/// Packs generators/TeGen.Build once per test run into a private folder feed, under a version no other run
/// uses (NuGet caches packages by id and version), and removes that version from the package cache after.
/// </summary>
public sealed class PackedTeGenBuild : IAsyncLifetime
{
    public string Version { get; } = $"0.0.0-test.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";

    public string WorkDirectory { get; } = Path.Combine(Path.GetTempPath(), "tegen-build-tests", Guid.NewGuid().ToString("N"));

    public string Feed => Path.Combine(WorkDirectory, "feed");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Feed);
        var pack = await DotnetCli.RunAsync(
            TeGen.Tests.RepoPaths.Root,
            "pack", TeGen.Tests.RepoPaths.Combine("generators", "TeGen.Build", "TeGen.Build.csproj"),
            "-o", Feed,
            $"-p:PackageVersion={Version}",
            // Keeps the repository's own obj/ and bin/ out of it: the solution build may be using them.
            $"-p:BaseIntermediateOutputPath={Path.Combine(WorkDirectory, "pack", "obj")}/",
            $"-p:BaseOutputPath={Path.Combine(WorkDirectory, "pack", "bin")}/");
        Assert.True(pack.ExitCode == 0, pack.ToString());
    }

    /// <summary>A fresh copy of tests/fixtures/Consumer, restored against the packed TeGen.Build.</summary>
    internal ConsumerProject NewConsumer()
    {
        var directory = Path.Combine(WorkDirectory, "consumer-" + Guid.NewGuid().ToString("N")[..8]);
        CopyDirectory(TeGen.Tests.RepoPaths.Combine("tests", "fixtures", "Consumer"), directory);
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="tegen-local" value="{Feed}" />
              </packageSources>
            </configuration>
            """);
        return new ConsumerProject(directory, Version);
    }

    public Task DisposeAsync()
    {
        TryDelete(WorkDirectory);
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        TryDelete(Path.Combine(cache, "tegen.build", Version));
        return Task.CompletedTask;
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // Left for the OS to clean: a leftover temp folder must not fail the run.
        }
    }
}
