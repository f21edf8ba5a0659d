using System.Xml.Linq;
using TeGen.Build.Tests;
using TeGen.Tests;

namespace TeGen.Packages.Tests.Support;

/// <summary>
/// Packs every TeGen package once per test run into a private folder feed, under a version no other run uses (NuGet
/// caches packages by id and version), and removes that version from the package cache afterwards. The runtime packages
/// and the tool are packed from what this project's build has just built (they are its project references), without
/// building again; TeGen.Build is packed from a copy of its sources, as its own consumer tests pack it.
/// </summary>
public sealed class PackedPackages : IAsyncLifetime
{
    /// <summary>The packages whose assemblies applications load, by project path under the repository.</summary>
    public static readonly IReadOnlyDictionary<string, string> RuntimePackages = new Dictionary<string, string>
    {
        ["TeGen.Client"] = "src/TeGen.Client/TeGen.Client.csproj",
        ["TeGen.Client.Redis"] = "src/TeGen.Client.Redis/TeGen.Client.Redis.csproj",
        ["TeGen.Client.AspNetCore"] = "src/TeGen.Client.AspNetCore/TeGen.Client.AspNetCore.csproj",
        ["TeGen.Client.Kiota"] = "src/TeGen.Client.Kiota/TeGen.Client.Kiota.csproj",
        ["TeGen.Sandbox"] = "src/TeGen.Sandbox/TeGen.Sandbox.csproj",
    };

    /// <summary>The build-time package.</summary>
    public const string BuildPackage = "TeGen.Build";

    /// <summary>The dotnet tool, packed from what this project's build built, like the runtime packages.</summary>
    public const string ToolPackage = "TeGen.Tool";

    private const string ToolProject = "src/TeGen.Tool/TeGen.Tool.csproj";

    public static IEnumerable<string> AllIds => RuntimePackages.Keys.Append(ToolPackage).Append(BuildPackage);

    public string Version { get; } = $"0.0.0-packages.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";

    public string WorkDirectory { get; } = Path.Combine(Path.GetTempPath(), "tegen-package-tests", Guid.NewGuid().ToString("N"));

    public string Feed => Path.Combine(WorkDirectory, "feed");

    /// <summary>The one repository address the packages, their symbols and the analyzers' help links must all carry.</summary>
    public static string RepositoryUrl { get; } =
        XDocument.Load(RepoPaths.Combine("Directory.Build.props")).Descendants("TeGenRepositoryUrl").Single().Value;

    // This assembly runs from bin/<Configuration>/<TargetFramework>/.
    private static string Configuration => new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Feed);
        var packs = RuntimePackages.Append(new(ToolPackage, ToolProject)).Select(p => DotnetCli.RunAsync(
                RepoPaths.Root,
                "pack", RepoPaths.Combine(p.Value.Split('/')),
                "--no-build",
                "-c", Configuration,
                "-o", Feed,
                $"-p:PackageVersion={Version}",
                // Only the nuspec is written, into the private folder.
                $"-p:NuspecOutputPath={Path.Combine(WorkDirectory, "nuspec", p.Key)}{Path.DirectorySeparatorChar}"))
            .Append(TeGenBuildPacker.PackAsync(WorkDirectory, Feed, Version));
        foreach (var pack in await Task.WhenAll(packs))
        {
            Assert.True(pack.ExitCode == 0, pack.ToString());
        }
    }

    /// <summary>Opens the package <paramref name="id"/> (or its symbols package).</summary>
    public PackageFile Open(string id, bool symbols = false) =>
        PackageFile.Open(Path.Combine(Feed, $"{id}.{Version}.{(symbols ? "snupkg" : "nupkg")}"));

    /// <summary>A fresh copy of tests/fixtures/<paramref name="fixture"/> that restores TeGen's packages from the private feed only.</summary>
    public string NewConsumer(string fixture)
    {
        var directory = Path.Combine(WorkDirectory, fixture + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Combine("tests", "fixtures", fixture)))
        {
            File.Copy(file, Path.Combine(directory, Path.GetFileName(file)));
        }

        // Only the private feed: the packages' dependencies are in the package cache from the repository's restore.
        LocalFeed.WriteNuGetConfig(directory, Feed, only: true);
        return directory;
    }

    public Task DisposeAsync()
    {
        LocalFeed.Delete(AllIds.Select(id => LocalFeed.CachedPackage(id, Version)).Append(WorkDirectory));
        return Task.CompletedTask;
    }
}
