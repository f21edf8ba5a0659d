using System.Text.RegularExpressions;
using TeGen.Packages.Tests.Support;

namespace TeGen.Packages.Tests;

/// <summary>
/// Every package says what it is and where it comes from the way nuget.org and IDEs read it, and all of them name the
/// one repository configured in Directory.Build.props.
/// </summary>
[Collection(PackagesCollection.Name)]
public partial class PackageContentTests(PackedPackages packages)
{
    public static TheoryData<string> AllIds => new(PackedPackages.AllIds);

    public static TheoryData<string> RuntimeIds => new(PackedPackages.RuntimePackages.Keys);

    [Theory]
    [MemberData(nameof(AllIds))]
    public void Package_carries_license_readme_icon_and_the_configured_repository(string id)
    {
        using var package = packages.Open(id);

        var license = package.Element("license");
        Assert.NotNull(license);
        Assert.Equal("expression", license.Attribute("type")?.Value);
        Assert.Equal("MIT", license.Value);

        Assert.Equal("README.md", package.Element("readme")?.Value);
        var readme = System.Text.Encoding.UTF8.GetString(package.Read("README.md"));
        Assert.StartsWith("# " + id + "\n", readme.ReplaceLineEndings("\n"));
        // nuget.org renders the readme away from the repository: a relative link there leads nowhere.
        Assert.DoesNotMatch(RelativeLink(), readme);

        Assert.Equal("icon.png", package.Element("icon")?.Value);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, package.Read("icon.png")[..4]);

        Assert.Equal(PackedPackages.RepositoryUrl, package.Element("projectUrl")?.Value);
        var repository = package.Element("repository");
        Assert.NotNull(repository);
        Assert.Equal("git", repository.Attribute("type")?.Value);
        Assert.Equal(PackedPackages.RepositoryUrl, repository.Attribute("url")?.Value);
        Assert.Matches("^[0-9a-f]{40}$", repository.Attribute("commit")?.Value ?? "");
        Assert.Equal(PackedPackages.RepositoryUrl + "/blob/main/CHANGELOG.md", package.Element("releaseNotes")?.Value);
        Assert.False(string.IsNullOrWhiteSpace(package.Element("description")?.Value));
    }

    [Theory]
    [MemberData(nameof(RuntimeIds))]
    public void Assemblies_are_only_under_the_net10_framework_folder(string id)
    {
        using var package = packages.Open(id);

        var frameworkSpecific = package.Files.Where(f => f.Split('/')[0] is "lib" or "ref" or "build" or "buildTransitive").ToList();
        Assert.Contains($"lib/net10.0/{id}.dll", frameworkSpecific);
        // A file directly under build/ or buildTransitive/ would make NuGet take the package for compatible with every
        // framework (see FrameworkCompatibilityTests).
        Assert.All(frameworkSpecific, f => Assert.StartsWith(f.Split('/')[0] + "/net10.0/", f));
        Assert.All(package.Metadata.Descendants().Where(e => e.Name.LocalName == "group"), g => Assert.Equal("net10.0", g.Attribute("targetFramework")?.Value));
    }

    [Theory]
    [MemberData(nameof(RuntimeIds))]
    public void Symbols_package_has_every_assemblys_pdb_with_SourceLink_to_the_packaged_commit(string id)
    {
        using var package = packages.Open(id);
        using var symbols = packages.Open(id, symbols: true);
        var commit = package.Element("repository")!.Attribute("commit")!.Value;
        var rawBase = PackedPackages.RepositoryUrl.Replace("https://github.com/", "https://raw.githubusercontent.com/", StringComparison.Ordinal) + "/" + commit + "/";

        var assemblies = package.Files.Where(f => f.StartsWith("lib/", StringComparison.Ordinal) && f.EndsWith(".dll", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(assemblies);
        foreach (var assembly in assemblies)
        {
            var pdb = PortablePdb.Read(symbols.Read(Path.ChangeExtension(assembly, ".pdb")));
            var map = Assert.Single(pdb.SourceLink);
            Assert.Equal(rawBase + "*", map.Value);
            // Every document is reachable: from the commit through SourceLink, or embedded (generated code is in no commit).
            var linkedRoot = map.Key.TrimEnd('*');
            Assert.All(pdb.Documents, d => Assert.True(
                d.StartsWith(linkedRoot, StringComparison.Ordinal) || pdb.EmbeddedDocuments.Contains(d),
                $"{assembly}: {d} is neither under {linkedRoot} nor embedded"));
        }
    }

    [Fact]
    public void The_generated_client_is_embedded_in_TeGen_Client_symbols_so_a_debugger_can_step_into_it()
    {
        using var symbols = packages.Open("TeGen.Client", symbols: true);

        var pdb = PortablePdb.Read(symbols.Read("lib/net10.0/TeGen.Client.pdb"));

        Assert.Contains(pdb.EmbeddedDocuments, d => d.EndsWith("/TeGen/totalexpert.openapi.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void TeGen_Client_brings_its_analyzers_and_no_Kiota()
    {
        using var client = packages.Open("TeGen.Client");
        using var kiota = packages.Open("TeGen.Client.Kiota");

        Assert.Contains("analyzers/dotnet/cs/TeGen.Analyzers.dll", client.Files);
        Assert.Contains("analyzers/dotnet/cs/TeGen.Analyzers.CodeFixes.dll", client.Files);
        Assert.Contains("buildTransitive/net10.0/TeGen.Client.props", client.Files);
        var clientDependencies = Dependencies(client);
        Assert.DoesNotContain(clientDependencies, d => d.StartsWith("Microsoft.Kiota", StringComparison.Ordinal) || d.StartsWith("Std.UriTemplate", StringComparison.Ordinal));
        Assert.Equal(["Microsoft.Kiota.Abstractions", "TeGen.Client"], Dependencies(kiota).Order());
    }

    [Fact]
    public void TeGen_Build_is_a_development_dependency_with_its_targets_task_tool_and_templates()
    {
        using var build = packages.Open(PackedPackages.BuildPackage);

        Assert.Equal("true", build.Element("developmentDependency")?.Value);
        Assert.Contains("build/TeGen.Build.props", build.Files);
        Assert.Contains("build/TeGen.Build.targets", build.Files);
        Assert.Contains("build/TeGen.Build.xml", build.Files);
        // The compiled task for every MSBuild (netstandard2.0), and the program it runs.
        Assert.Contains("tasks/netstandard2.0/TeGen.Build.Tasks.dll", build.Files);
        Assert.Contains("tools/TeGen.Build.Tool.dll", build.Files);
        Assert.Contains(build.Files, f => f.StartsWith("templates/", StringComparison.Ordinal) && f.EndsWith(".liquid", StringComparison.Ordinal));
    }

    [Fact]
    public void TeGen_Tool_is_a_dotnet_tool_named_tegen_with_its_symbols()
    {
        using var tool = packages.Open(PackedPackages.ToolPackage);
        using var symbols = packages.Open(PackedPackages.ToolPackage, symbols: true);

        Assert.Equal("DotnetTool", tool.Metadata.Descendants().Single(e => e.Name.LocalName == "packageType").Attribute("name")?.Value);
        Assert.Contains("tools/net10.0/any/TeGen.Tool.dll", tool.Files);
        var settings = System.Xml.Linq.XDocument.Load(new MemoryStream(tool.Read("tools/net10.0/any/DotnetToolSettings.xml")));
        Assert.Equal("tegen", settings.Descendants("Command").Single().Attribute("Name")?.Value);
        var pdb = PortablePdb.Read(symbols.Read("tools/net10.0/any/TeGen.Tool.pdb"));
        Assert.StartsWith("https://raw.githubusercontent.com/", Assert.Single(pdb.SourceLink).Value, StringComparison.Ordinal);
    }

    private static List<string> Dependencies(PackageFile package) =>
        package.Metadata.Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => e.Attribute("id")!.Value).ToList();

    // A markdown link or image whose target is not absolute: [text](docs/x.md).
    [GeneratedRegex(@"\]\((?!https?://|#)[^)]+\)")]
    private static partial Regex RelativeLink();
}
