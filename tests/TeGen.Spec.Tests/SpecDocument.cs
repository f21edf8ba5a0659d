using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace TeGen.Spec.Tests;

/// <summary>The repository's OpenAPI description, parsed once per test run with Microsoft.OpenApi.</summary>
internal static class SpecDocument
{
    private static readonly Lazy<ReadResult> Result = new(() =>
    {
        var settings = new OpenApiReaderSettings();
        settings.AddYamlReader();
        return OpenApiDocument.LoadAsync(TeGen.Tests.RepoPaths.Spec, settings).GetAwaiter().GetResult();
    });

    public static ReadResult Read => Result.Value;

    public static OpenApiDocument Document => Read.Document
        ?? throw new InvalidOperationException("The spec did not parse: " + string.Join("; ", Read.Diagnostic?.Errors ?? []));

    /// <summary>Every operation with its path and method.</summary>
    public static IEnumerable<(string Path, HttpMethod Method, OpenApiOperation Operation)> Operations =>
        from path in Document.Paths
        from operation in path.Value.Operations ?? []
        select (path.Key, operation.Key, operation.Value);

    /// <summary>The JSON schema of a request or response body, or null when the body has none.</summary>
    public static IOpenApiSchema? JsonSchema(IDictionary<string, IOpenApiMediaType>? content) =>
        content is not null && content.TryGetValue("application/json", out var media) ? media.Schema : null;

    /// <summary>The component name a schema refers to, or null for an inline schema.</summary>
    public static string? ReferenceId(IOpenApiSchema? schema) => (schema as OpenApiSchemaReference)?.Reference.Id;

    public static bool IsSuccess(string statusCode) => statusCode.StartsWith('2');
}
