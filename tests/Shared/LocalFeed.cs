namespace TeGen.Tests;

/// <summary>
/// A folder feed of freshly packed TeGen packages, as the packaging tests use one: a consumer's nuget.config pointing
/// at it, and clean-up of the test-only versions from NuGet's package cache (which keeps packages by id and version).
/// </summary>
internal static class LocalFeed
{
    /// <summary>
    /// Writes <paramref name="directory"/>/nuget.config naming <paramref name="feed"/>; with <paramref name="only"/>, no
    /// other source (the packages' dependencies then come from the package cache, as the repository's restore left it).
    /// </summary>
    public static void WriteNuGetConfig(string directory, string feed, bool only)
    {
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                {(only ? "<clear />" : "")}
                <add key="tegen-local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
    }

    /// <summary>Deletes folders (the work folder, cached test versions) a run created, leaving them to the OS if they are in use.</summary>
    public static void Delete(IEnumerable<string> directories)
    {
        foreach (var directory in directories)
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

    /// <summary>Where NuGet caches <paramref name="packageId"/> at <paramref name="version"/>.</summary>
    public static string CachedPackage(string packageId, string version) =>
        Path.Combine(
            Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
            packageId.ToLowerInvariant(),
            version);
}
