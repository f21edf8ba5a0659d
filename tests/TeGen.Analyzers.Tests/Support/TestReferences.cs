using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace TeGen.Analyzers.Tests.Support;

/// <summary>
/// What test code compiles against, taken from this test host instead of downloaded reference packs: the .NET and
/// ASP.NET Core shared frameworks, and TeGen.Client with its dependencies. Created once: Roslyn caches the metadata
/// it reads on each reference, so every test after the first compiles quickly.
/// </summary>
internal static class TestReferences
{
    private static readonly string[] ClientDependencies = ["TeGen.Client", "Polly", "Microsoft.Kiota", "Microsoft.Extensions"];

    public static ImmutableArray<MetadataReference> All { get; } = Load();

    private static ImmutableArray<MetadataReference> Load()
    {
        var trusted = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var client = typeof(TeGen.Client.TotalExpertAdminClient).Assembly.Location;
        return trusted
            .Where(path => IsFramework(path) || ClientDependencies.Any(Path.GetFileName(path).StartsWith))
            .Append(client)
            .DistinctBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }

    // Shared frameworks live in <dotnet>/shared/<framework name>/<version>/.
    private static bool IsFramework(string path) =>
        path.Contains($"{Path.DirectorySeparatorChar}shared{Path.DirectorySeparatorChar}Microsoft.", StringComparison.Ordinal);
}
