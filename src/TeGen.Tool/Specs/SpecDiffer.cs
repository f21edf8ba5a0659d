using Microsoft.OpenApi;

namespace TeGen.Tool.Specs;

/// <summary>
/// What changed between two specs for a C# user of the generated SDK: operations (methods), their parameters, request and
/// answer types; models and their members (allOf parts flattened, as inheritance makes them one type to the user).
/// Removing or retyping anything, or making something required, breaks callers; adding optional things does not.
/// </summary>
internal static class SpecDiffer
{
    public static IReadOnlyList<SpecChange> Diff(OpenApiDocument old, OpenApiDocument @new)
    {
        var changes = new List<SpecChange>();
        Operations(Index(old), Index(@new), changes);
        Models(old.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>(), @new.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>(), changes);
        return changes;
    }

    private static Dictionary<string, OpenApiOperation> Index(OpenApiDocument document) =>
        SpecLoader.Operations(document)
            .GroupBy(o => o.Operation.OperationId ?? $"{o.Method} {o.Path}", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Operation, StringComparer.Ordinal);

    private static void Operations(Dictionary<string, OpenApiOperation> old, Dictionary<string, OpenApiOperation> @new, List<SpecChange> changes)
    {
        foreach (var id in old.Keys.Except(@new.Keys).Order(StringComparer.Ordinal))
        {
            changes.Add(new SpecChange(SpecChangeKind.Removed, CSharpNames.Method(id), "operation removed", Breaking: true));
        }

        foreach (var id in @new.Keys.Except(old.Keys).Order(StringComparer.Ordinal))
        {
            changes.Add(new SpecChange(SpecChangeKind.Added, CSharpNames.Method(id), "new operation", Breaking: false));
        }

        foreach (var id in old.Keys.Intersect(@new.Keys).Order(StringComparer.Ordinal))
        {
            var method = CSharpNames.Method(id);
            var (before, after) = (old[id], @new[id]);
            Retyped(method + " body", Body(before), Body(after), changes);
            Retyped(method + " result", Result(before), Result(after), changes);
            var beforeParameters = Parameters(before);
            var afterParameters = Parameters(after);
            Members(method, beforeParameters, afterParameters, changes, parameters: true);
        }
    }

    private static void Models(IDictionary<string, IOpenApiSchema> old, IDictionary<string, IOpenApiSchema> @new, List<SpecChange> changes)
    {
        foreach (var name in old.Keys.Except(@new.Keys).Order(StringComparer.Ordinal))
        {
            changes.Add(new SpecChange(SpecChangeKind.Removed, CSharpNames.Pascal(name), "model removed", Breaking: true));
        }

        foreach (var name in @new.Keys.Except(old.Keys).Order(StringComparer.Ordinal))
        {
            changes.Add(new SpecChange(SpecChangeKind.Added, CSharpNames.Pascal(name), "new model", Breaking: false));
        }

        foreach (var name in old.Keys.Intersect(@new.Keys).Order(StringComparer.Ordinal))
        {
            Members(CSharpNames.Pascal(name), Properties(old[name]), Properties(@new[name]), changes, parameters: false);
        }
    }

    private static void Members(
        string owner, Dictionary<string, (string Type, bool Required)> old, Dictionary<string, (string Type, bool Required)> @new, List<SpecChange> changes, bool parameters)
    {
        string Name(string member) => parameters ? $"{owner}({member})" : $"{owner}.{CSharpNames.Pascal(member)}";
        foreach (var member in old.Keys.Except(@new.Keys).Order(StringComparer.Ordinal))
        {
            changes.Add(new SpecChange(SpecChangeKind.Removed, Name(member), parameters ? "parameter removed" : "member removed", Breaking: true));
        }

        foreach (var member in @new.Keys.Except(old.Keys).Order(StringComparer.Ordinal))
        {
            var required = @new[member].Required;
            changes.Add(new SpecChange(SpecChangeKind.Added, Name(member), $"{@new[member].Type}{(required ? ", required" : "")}", Breaking: required));
        }

        foreach (var member in old.Keys.Intersect(@new.Keys).Order(StringComparer.Ordinal))
        {
            var (before, after) = (old[member], @new[member]);
            Retyped(Name(member), before.Type, after.Type, changes);
            if (before.Required != after.Required)
            {
                changes.Add(new SpecChange(SpecChangeKind.RequiredChanged, Name(member), after.Required ? "optional → required" : "required → optional", Breaking: after.Required));
            }
        }
    }

    private static void Retyped(string name, string? before, string? after, List<SpecChange> changes)
    {
        if (before != after)
        {
            changes.Add(new SpecChange(SpecChangeKind.Retyped, name, $"{before ?? "none"} → {after ?? "none"}", Breaking: true));
        }
    }

    private static string? Body(OpenApiOperation operation) =>
        operation.RequestBody?.Content?.Values.FirstOrDefault() is { } media ? CSharpNames.TypeOf(media.Schema) : null;

    private static string? Result(OpenApiOperation operation) =>
        operation.Responses?.Where(r => r.Key.StartsWith('2')).Select(r => r.Value.Content?.Values.FirstOrDefault()).FirstOrDefault(m => m is not null) is { } media
            ? CSharpNames.TypeOf(media.Schema)
            : null;

    private static Dictionary<string, (string Type, bool Required)> Parameters(OpenApiOperation operation) =>
        (operation.Parameters ?? []).Where(p => p.Name is not null)
            .GroupBy(p => p.Name!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (CSharpNames.TypeOf(g.First().Schema), g.First().Required), StringComparer.Ordinal);

    // A model's members with those of its allOf parts (a generated class and its bases are one type to the user).
    private static Dictionary<string, (string Type, bool Required)> Properties(IOpenApiSchema schema)
    {
        var members = new Dictionary<string, (string Type, bool Required)>(StringComparer.Ordinal);
        var required = new HashSet<string>(StringComparer.Ordinal);
        Collect(schema, members, required, depth: 0);
        return members.ToDictionary(m => m.Key, m => (m.Value.Type, required.Contains(m.Key)), StringComparer.Ordinal);
    }

    private static void Collect(IOpenApiSchema schema, Dictionary<string, (string Type, bool Required)> members, HashSet<string> required, int depth)
    {
        if (depth > 8)
        {
            return;
        }

        foreach (var (name, property) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            members[name] = (CSharpNames.TypeOf(property), false);
        }

        required.UnionWith(schema.Required ?? new HashSet<string>());
        foreach (var part in schema.AllOf ?? [])
        {
            Collect(part, members, required, depth + 1);
        }
    }
}
