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

        var pack = await TeGenBuildPacker.PackAsync(WorkDirectory, Feed, Version);
        Assert.True(pack.ExitCode == 0, pack.ToString());
    }

    /// <summary>A fresh copy of tests/fixtures/<paramref name="fixture"/>, restored against the packed TeGen.Build.</summary>
    internal ConsumerProject NewConsumer(string fixture = "Consumer", string spec = "pets.openapi.yaml")
    {
        var directory = Path.Combine(WorkDirectory, "consumer-" + Guid.NewGuid().ToString("N")[..8]);
        TeGenBuildPacker.CopyDirectory(TeGen.Tests.RepoPaths.Combine("tests", "fixtures", fixture), directory);
        TeGen.Tests.LocalFeed.WriteNuGetConfig(directory, Feed, only: false);
        return new ConsumerProject(directory, fixture, spec, Version);
    }

    public Task DisposeAsync()
    {
        TeGen.Tests.LocalFeed.Delete([WorkDirectory, TeGen.Tests.LocalFeed.CachedPackage("TeGen.Build", Version)]);
        return Task.CompletedTask;
    }
}
