namespace TeGen.Build.Tests;

/// <summary>
/// Packs generators/TeGen.Build (with TeGen.Build.Tool) once per test run into a private folder feed, under a version no other run
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

        // Packed from a copy of the sources the package is made of, so neither the repository's obj/ and bin/ (the
        // solution build may be using them) nor its other projects are touched; the package's project reference
        // to TeGen.Build.Tool builds in the copy too.
        var sources = Path.Combine(WorkDirectory, "sources");
        foreach (var file in Directory.EnumerateFiles(TeGen.Tests.RepoPaths.Root))
        {
            Directory.CreateDirectory(sources);
            File.Copy(file, Path.Combine(sources, Path.GetFileName(file)));
        }

        CopyDirectory(TeGen.Tests.RepoPaths.Combine("generators"), Path.Combine(sources, "generators"));
        var pack = await DotnetCli.RunAsync(
            sources,
            "pack", Path.Combine(sources, "generators", "TeGen.Build", "TeGen.Build.csproj"),
            "-o", Feed,
            "-nodeReuse:false",
            $"-p:PackageVersion={Version}");
        Assert.True(pack.ExitCode == 0, pack.ToString());
    }

    /// <summary>A fresh copy of tests/fixtures/<paramref name="fixture"/>, restored against the packed TeGen.Build.</summary>
    internal ConsumerProject NewConsumer(string fixture = "Consumer", string spec = "pets.openapi.yaml")
    {
        var directory = Path.Combine(WorkDirectory, "consumer-" + Guid.NewGuid().ToString("N")[..8]);
        CopyDirectory(TeGen.Tests.RepoPaths.Combine("tests", "fixtures", fixture), directory);
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="tegen-local" value="{Feed}" />
              </packageSources>
            </configuration>
            """);
        return new ConsumerProject(directory, fixture, spec, Version);
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

        foreach (var directory in Directory.EnumerateDirectories(from).Where(d => Path.GetFileName(d) is not ("bin" or "obj")))
        {
            CopyDirectory(directory, Path.Combine(to, Path.GetFileName(directory)));
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
