using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Serialization;

namespace TeGen.Tool.Json;

/// <summary>
/// The members of an SDK model by their JSON name, which is the spec's: the tool maps columns and filters by TE's field
/// names, so a spec change reaches it through the SDK. Read once per type; a name declared twice keeps its first member.
/// </summary>
internal static class JsonMembers
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyDictionary<string, PropertyInfo>> ByType = new();

    public static IReadOnlyDictionary<string, PropertyInfo> Of(Type type) =>
        ByType.GetOrAdd(type, static t => t
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Property: p, Name: p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name))
            .Where(m => m.Name is not null)
            .GroupBy(m => m.Name!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Property, StringComparer.Ordinal));
}
