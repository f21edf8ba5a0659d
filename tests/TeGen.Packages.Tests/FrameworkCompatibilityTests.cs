using TeGen.Build.Tests;
using TeGen.Packages.Tests.Support;

namespace TeGen.Packages.Tests;

/// <summary>
/// A project on a framework TeGen.Client does not support is told so by NuGet at restore (NU1202), instead of restoring
/// the package and failing to compile against it.
/// </summary>
[Collection(PackagesCollection.Name)]
public class FrameworkCompatibilityTests(PackedPackages packages)
{
    [Fact]
    public async Task A_net8_project_gets_NU1202_at_restore()
    {
        var restore = await RestoreAsync("net8.0");

        Assert.NotEqual(0, restore.ExitCode);
        Assert.Matches(@"error NU1202: Package TeGen\.Client [^ ]+ is not compatible with net8\.0", restore.Output);
    }

    [Fact]
    public async Task The_same_project_on_net10_restores()
    {
        var restore = await RestoreAsync("net10.0");

        Assert.True(restore.ExitCode == 0, restore.ToString());
        Assert.DoesNotContain("NU1202", restore.Output);
    }

    private Task<TeGen.Tests.ChildProcess.Result> RestoreAsync(string framework) =>
        DotnetCli.RunAsync(
            packages.NewConsumer("FrameworkConsumer"),
            "restore", "-nodeReuse:false", $"-p:ConsumerTargetFramework={framework}", $"-p:TeGenClientVersion={packages.Version}");
}
