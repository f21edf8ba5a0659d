using System.Text.RegularExpressions;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using TeGen.Tests;

namespace TeGen.Sandbox.Tests.Robustness;

/// <summary>What the spec says a route takes: its request body schema, the members in it, its query parameters.</summary>
internal static partial class SpecOperations
{
    private static readonly Lazy<OpenApiDocument> Document = new(() =>
    {
        var settings = new OpenApiReaderSettings();
        settings.AddYamlReader();
        var read = OpenApiDocument.LoadAsync(RepoPaths.Spec, settings).GetAwaiter().GetResult();
        return read.Document ?? throw new InvalidOperationException("The spec did not parse: " + string.Join("; ", read.Diagnostic?.Errors ?? []));
    });

    /// <summary>Every operation of the spec, read from the repository's file independently of the sandbox's reading.</summary>
    public static IEnumerable<(string Method, string Path, OpenApiOperation Operation)> All =>
        from path in Document.Value.Paths
        from operation in path.Value.Operations ?? []
        select (operation.Key.Method.ToUpperInvariant(), path.Key, operation.Value);

    /// <summary>The spec's operation for a route pattern of the sandbox (constraints such as <c>:long</c> ignored), or null.</summary>
    public static OpenApiOperation? Find(string method, string pattern)
    {
        var path = RouteConstraint().Replace(pattern, "{$1}");
        return Document.Value.Paths.TryGetValue(path, out var item)
            && item.Operations?.FirstOrDefault(operation => operation.Key.Method.Equals(method, StringComparison.OrdinalIgnoreCase)).Value is { } found
            ? found
            : null;
    }

    public static string? BodySchemaName(OpenApiOperation? operation) => (BodySchema(operation) as OpenApiSchemaReference)?.Reference.Id;

    /// <summary>Every member of the request body, nested ones as <c>owner.username</c> or <c>questions[0].data_type</c>.</summary>
    public static IReadOnlyList<(string Path, JsonSchemaType? Type)> BodyMembers(OpenApiOperation? operation) =>
        BodySchema(operation) is { } schema ? [.. Members(schema, "", 0).DistinctBy(member => member.Path)] : [];

    /// <summary>The top-level members of the JSON answer of an operation for a status, allOf parts merged.</summary>
    public static IReadOnlyList<string> ResponseMembers(OpenApiOperation operation, string status) =>
        operation.Responses?.TryGetValue(status, out var response) == true && response.Content?.TryGetValue("application/json", out var media) == true && media.Schema is { } schema
            ? [.. TopMembers(schema).Select(member => member.Name).Distinct()]
            : [];

    /// <summary>The top-level members of a schema with their schemas, allOf parts merged.</summary>
    public static IEnumerable<(string Name, IOpenApiSchema Schema)> TopMembers(IOpenApiSchema schema) =>
        (schema.AllOf ?? []).SelectMany(TopMembers)
            .Concat((schema.Properties ?? new Dictionary<string, IOpenApiSchema>()).Select(property => (property.Key, property.Value)));

    public static IReadOnlyList<string> QueryParameters(OpenApiOperation? operation) =>
        [.. (operation?.Parameters ?? []).Where(parameter => parameter.In == ParameterLocation.Query).Select(parameter => parameter.Name!)];

    private static IOpenApiSchema? BodySchema(OpenApiOperation? operation) =>
        operation?.RequestBody?.Content is { } content && content.TryGetValue("application/json", out var media) ? media.Schema : null;

    // References are followed a few levels deep: enough for owner.username or questions[0].possible_choice_answers[0].value.
    private static IEnumerable<(string Path, JsonSchemaType? Type)> Members(IOpenApiSchema schema, string prefix, int depth)
    {
        if (depth > 3)
        {
            yield break;
        }

        foreach (var part in (schema.AllOf ?? []).Concat(schema.OneOf ?? []).Concat(schema.AnyOf ?? []))
        {
            foreach (var member in Members(part, prefix, depth))
            {
                yield return member;
            }
        }

        foreach (var (name, property) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            var path = prefix.Length == 0 ? name : $"{prefix}.{name}";
            yield return (path, property.Type ?? (property.Properties is { Count: > 0 } || property.AllOf is { Count: > 0 } ? JsonSchemaType.Object : null));
            var nested = property.Items is { } items ? Members(items, path + "[0]", depth + 1) : Members(property, path, depth + 1);
            foreach (var member in nested)
            {
                yield return member;
            }
        }
    }

    [GeneratedRegex(@"\{([^}:?]+)[^}]*\}")]
    private static partial Regex RouteConstraint();
}
