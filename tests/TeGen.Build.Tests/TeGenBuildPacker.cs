namespace TeGen.Build.Tests;

/// <summary>
/// Packs generators/TeGen.Build from a copy of the sources the package is made of (the repository's top-level files,
/// generators/ and the package pages under docs/packages/), so neither the repository's obj/ and bin/ (the solution
/// build may be using them) nor its other projects are touched; the package's project reference to TeGen.Build.Tool
/// builds in the copy too. Shared by the TeGen.Build consumer tests and the package content tests. The copy is no git
/// repository, so the commit a real pack records is passed in.
/// </summary>
internal static class TeGenBuildPacker
{
    public static Task<TeGen.Tests.ChildProcess.Result> PackAsync(string workDirectory, string feed, string version)
    {
        var sources = Path.Combine(workDirectory, "sources");
        Directory.CreateDirectory(sources);
        foreach (var file in Directory.EnumerateFiles(TeGen.Tests.RepoPaths.Root))
        {
            File.Copy(file, Path.Combine(sources, Path.GetFileName(file)));
        }

        CopyDirectory(TeGen.Tests.RepoPaths.Combine("generators"), Path.Combine(sources, "generators"));
        CopyDirectory(TeGen.Tests.RepoPaths.Combine("docs", "packages"), Path.Combine(sources, "docs", "packages"));
        return DotnetCli.RunAsync(
            sources,
            "pack", Path.Combine(sources, "generators", "TeGen.Build", "TeGen.Build.csproj"),
            "-o", feed,
            "-nodeReuse:false",
            $"-p:PackageVersion={version}",
            $"-p:RepositoryCommit={HeadCommit()}");
    }

    private static string HeadCommit()
    {
        var git = new System.Diagnostics.ProcessStartInfo("git", ["rev-parse", "HEAD"])
        {
            WorkingDirectory = TeGen.Tests.RepoPaths.Root,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var process = System.Diagnostics.Process.Start(git)!;
        var commit = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return commit;
    }

    /// <summary>Copies a folder without its bin/ and obj/.</summary>
    public static void CopyDirectory(string from, string to)
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
}
