namespace TeGen.Tests;

/// <summary>Locates files of the repository from a test's output directory.</summary>
internal static class RepoPaths
{
    /// <summary>The directory holding TeGen.sln.</summary>
    public static string Root { get; } = FindRoot();

    public static string Spec => Path.Combine(Root, "spec", "totalexpert.openapi.yaml");

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TeGen.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"TeGen.sln not found above {AppContext.BaseDirectory}.");
    }
}
