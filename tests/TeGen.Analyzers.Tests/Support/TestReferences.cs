using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace TeGen.Analyzers.Tests.Support;

/// <summary>
/// What test code compiles against, taken from this test host instead of downloaded reference packs: the .NET
/// shared framework and TeGen.Client with its dependencies, plus the ASP.NET Core shared framework for the tests
/// that need web types. Created once: Roslyn caches the metadata it reads on each reference, so every test after
/// the first compiles quickly.
/// </summary>
internal static class TestReferences
{
    private static readonly string[] ClientDependencies = ["TeGen.Client", "Polly", "Microsoft.Kiota", "Microsoft.Extensions"];

    private static readonly string[] TrustedAssemblies =
        ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>.NET and TeGen.Client.</summary>
    public static ImmutableArray<MetadataReference> Client { get; } = Load(SharedFramework("Microsoft.NETCore.App"));

    /// <summary><see cref="Client"/> and ASP.NET Core.</summary>
    public static ImmutableArray<MetadataReference> Web { get; } =
        Load(path => SharedFramework("Microsoft.NETCore.App")(path) || SharedFramework("Microsoft.AspNetCore.App")(path));

    private static ImmutableArray<MetadataReference> Load(Func<string, bool> framework)
    {
        var client = typeof(TeGen.Client.TotalExpertAdminClient).Assembly.Location;
        return TrustedAssemblies
            .Where(path => framework(path) || ClientDependencies.Any(Path.GetFileName(path).StartsWith))
            .Append(client)
            .DistinctBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }

    // Shared frameworks live in <dotnet>/shared/<framework name>/<version>/.
    private static Func<string, bool> SharedFramework(string name) =>
        path => path.Contains($"{Path.DirectorySeparatorChar}shared{Path.DirectorySeparatorChar}{name}{Path.DirectorySeparatorChar}", StringComparison.Ordinal);
}
