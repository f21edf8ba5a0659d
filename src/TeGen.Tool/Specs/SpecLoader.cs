using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace TeGen.Tool.Specs;

/// <summary>Reads an OpenAPI description (YAML or JSON) with Microsoft.OpenApi, keeping its parse errors and warnings.</summary>
internal static class SpecLoader
{
    public static async Task<(OpenApiDocument? Document, IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings)> LoadAsync(string path, CancellationToken cancellationToken)
    {
        var settings = new OpenApiReaderSettings();
        settings.AddYamlReader();
        var result = await OpenApiDocument.LoadAsync(path, settings, cancellationToken).ConfigureAwait(false);
        var errors = result.Diagnostic?.Errors.Select(e => $"{e.Pointer}: {e.Message}").ToList() ?? [];
        var warnings = result.Diagnostic?.Warnings.Select(e => $"{e.Pointer}: {e.Message}").ToList() ?? [];
        return (result.Document, errors, warnings);
    }

    /// <summary>Every operation with its path and method.</summary>
    public static IEnumerable<(string Path, string Method, OpenApiOperation Operation)> Operations(OpenApiDocument document) =>
        from path in document.Paths ?? []
        from operation in path.Value.Operations ?? []
        select (path.Key, operation.Key.Method.ToUpperInvariant(), operation.Value);
}
