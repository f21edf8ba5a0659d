using TeGen.Tool.Tests.Support;

namespace TeGen.Tool.Tests.Packaging;

public sealed class ToolInstallTests
{
    [Fact]
    public async Task The_packed_tool_installs_from_a_local_feed_alone_and_runs()
    {
        using var temp = new TempDirectory();
        var version = $"0.0.0-test.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";
        var feed = Directory.CreateDirectory(temp.File("feed")).FullName;

        // The tool this test run built, packed as `dotnet pack` packs it for release (the build is the test's own).
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var pack = await Dotnet.RunAsync("dotnet", TeGen.Tests.RepoPaths.Root, new Dictionary<string, string>(),
            "pack", TeGen.Tests.RepoPaths.Combine("src", "TeGen.Tool", "TeGen.Tool.csproj"), "-c", configuration, "--no-build", "-o", feed, $"-p:PackageVersion={version}");
        Assert.True(pack.ExitCode == 0, pack.ToString());

        // A fresh machine: only this feed, an empty package cache, a tool folder of its own.
        TeGen.Tests.LocalFeed.WriteNuGetConfig(temp.Path, feed, only: true);
        var isolated = new Dictionary<string, string> { ["NUGET_PACKAGES"] = temp.File("packages"), ["DOTNET_CLI_HOME"] = temp.File("home") };
        var tools = temp.File("tools");
        var install = await Dotnet.RunAsync("dotnet", temp.Path, isolated,
            "tool", "install", "--tool-path", tools, "--configfile", temp.File("nuget.config"), "TeGen.Tool", "--version", version);
        Assert.True(install.ExitCode == 0, install.ToString());
        Assert.Contains("tegen", install.Output, StringComparison.Ordinal);

        var tegen = Path.Combine(tools, OperatingSystem.IsWindows() ? "tegen.exe" : "tegen");
        var help = await Dotnet.RunAsync(tegen, temp.Path, isolated, "--help");
        Assert.True(help.ExitCode == 0, help.ToString());
        Assert.Contains("import", help.Output, StringComparison.Ordinal);
        Assert.Contains("export", help.Output, StringComparison.Ordinal);
        Assert.Contains("sandbox", help.Output, StringComparison.Ordinal);
        Assert.Contains("spec", help.Output, StringComparison.Ordinal);

        var spec = Path.Combine(AppContext.BaseDirectory, "Specs", "Fixtures", "old.yaml");
        var diff = await Dotnet.RunAsync(tegen, temp.Path, isolated, "spec", "diff", spec, spec);
        Assert.True(diff.ExitCode == 0, diff.ToString());
        Assert.Contains("0 changes, 0 breaking.", diff.Output, StringComparison.Ordinal);
    }
}
