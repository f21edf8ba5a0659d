using System.Text.RegularExpressions;
using TeGen.Tests;

namespace TeGen.Sandbox.Tests.Architecture;

/// <summary>
/// The sandbox's folders depend on each other in one direction, after Azurite: Endpoints (HTTP) → Domain (TE's rules)
/// → Store; Views render; Inspection reads Views; one error factory (Replies) below everything. A folder's
/// dependencies are the types it names that other folders declare, so types in the root namespace count too.
/// </summary>
public sealed partial class LayeringTests
{
    // Folder → the folders it may use. Root files are "Entry" (TeSandbox, Program) or "Options" (the settings types).
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["Entry"] = ["*"],
        ["Hosting"] = ["Webhooks", "Endpoints", "Inspection", "Auth", "Limits", "Faults", "Domain", "Validation", "Views", "Paging", "Spec", "Store", "Http", "Replies", "Formats", "Seed", "Options"],
        ["Endpoints"] = ["Inspection", "Auth", "Faults", "Domain", "Validation", "Views", "Paging", "Spec", "Store", "Http", "Replies", "Formats", "Seed", "Options"],
        ["Inspection"] = ["Auth", "Faults", "Limits", "Views", "Spec", "Store", "Http", "Formats", "Seed", "Options"],
        ["Webhooks"] = ["Domain", "Inspection", "Options"],
        ["Auth"] = ["Domain", "Store", "Http", "Replies", "Formats", "Seed", "Options"],
        ["Limits"] = ["Http", "Replies", "Options"],
        ["Faults"] = ["Http", "Replies"],
        ["Domain"] = ["Paging", "Spec", "Store", "Replies", "Formats", "Seed", "Options"],
        ["Validation"] = ["Spec", "Replies", "Formats", "Options"],
        ["Views"] = ["Spec", "Store", "Formats", "Seed", "Options"],
        ["Paging"] = ["Spec", "Replies", "Formats", "Options"],
        ["Store"] = ["Formats", "Seed"],
        ["Spec"] = [],
        ["Http"] = ["Replies"],
        ["Replies"] = [],
        ["Formats"] = [],
        ["Seed"] = [],
        ["Options"] = ["Seed", "Faults", "Limits"],
    };

    private static readonly string Source = RepoPaths.Combine("src", "TeGen.Sandbox");

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/|@""(?:""""|[^""])*""|""(?:\\.|[^""\\\n])*""|'(?:\\.|[^'\\\n])'", RegexOptions.Singleline)]
    private static partial Regex CommentsAndLiterals();

    [GeneratedRegex(@"\b(?:class|record|struct|enum|interface)\s+(?:struct\s+|class\s+)?([A-Z]\w*)")]
    private static partial Regex Declaration();

    [GeneratedRegex(@"\b[A-Z]\w*\b")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"^namespace\s+([\w.]+);", RegexOptions.Multiline)]
    private static partial Regex Namespace();

    [Fact]
    public void Folders_depend_only_on_the_folders_below_them()
    {
        var wrong = Edges().Where(edge => !Allowed[edge.From].Contains("*") && !Allowed[edge.From].Contains(edge.To))
            .Select(edge => $"{edge.From} → {edge.To} ({edge.File} names {edge.Type})");

        Assert.Empty(wrong);
    }

    [Fact]
    public void The_folder_graph_has_no_cycle()
    {
        var graph = Edges().GroupBy(edge => edge.From).ToDictionary(group => group.Key, group => group.Select(edge => edge.To).ToHashSet());
        var state = new Dictionary<string, int>();
        var cycle = new List<string>();

        bool Visit(string folder, Stack<string> path)
        {
            state[folder] = 1;
            path.Push(folder);
            foreach (var next in graph.GetValueOrDefault(folder) ?? [])
            {
                if (state.GetValueOrDefault(next) == 1)
                {
                    cycle.AddRange([.. path.Reverse().SkipWhile(step => step != next), next]);
                    return true;
                }

                if (state.GetValueOrDefault(next) == 0 && Visit(next, path))
                {
                    return true;
                }
            }

            path.Pop();
            state[folder] = 2;
            return false;
        }

        Assert.False(graph.Keys.Any(folder => state.GetValueOrDefault(folder) == 0 && Visit(folder, new Stack<string>())), string.Join(" → ", cycle));
        Assert.Equal(Allowed.Keys.Order(), Files().Select(file => file.Folder).Distinct().Order());
    }

    [Fact]
    public void Each_folder_is_its_namespace_except_the_public_settings_types()
    {
        var wrong = Files()
            .Where(file => file.Folder is not ("Entry" or "Options"))
            .Select(file => (file, Namespace: Namespace().Match(File.ReadAllText(file.Path)).Groups[1].Value))
            .Where(entry => entry.Namespace != $"TeGen.Sandbox.{entry.file.Folder}"
                && !(entry.Namespace == "TeGen.Sandbox" && File.ReadAllText(entry.file.Path).Contains("public sealed class", StringComparison.Ordinal)))
            .Select(entry => $"{entry.file.Name}: {entry.Namespace}");

        Assert.Empty(wrong);
    }

    private static IEnumerable<(string Path, string Name, string Folder)> Files() =>
        Directory.EnumerateFiles(Source, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(path =>
            {
                var relative = Path.GetRelativePath(Source, path);
                var parts = relative.Split(Path.DirectorySeparatorChar);
                var folder = parts.Length > 1 ? parts[0] : Path.GetFileName(path) is "TeSandbox.cs" or "Program.cs" ? "Entry" : "Options";
                return (path, relative, folder);
            });

    private static List<(string From, string To, string File, string Type)> Edges()
    {
        var files = Files().Select(file => (file.Name, file.Folder, Code: CommentsAndLiterals().Replace(File.ReadAllText(file.Path), " "))).ToList();
        var declaredIn = files
            .SelectMany(file => Declaration().Matches(file.Code).Select(match => (Type: match.Groups[1].Value, file.Folder)))
            .GroupBy(declaration => declaration.Type)
            .ToDictionary(group => group.Key, group => group.First().Folder, StringComparer.Ordinal);
        return [.. files.SelectMany(file => Identifier().Matches(file.Code)
            .Select(match => match.Value)
            .Distinct()
            .Where(name => declaredIn.TryGetValue(name, out var folder) && folder != file.Folder)
            .Select(name => (file.Folder, declaredIn[name], file.Name, name)))];
    }
}
