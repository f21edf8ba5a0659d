using System.Text.RegularExpressions;
using Microsoft.OpenApi;

namespace TeGen.Tool.Specs;

/// <summary><see cref="ISpecChecker"/> over Microsoft.OpenApi: what a generator cannot turn into typed C#.</summary>
internal sealed partial class OpenApiSpecChecker : ISpecChecker
{
    public async Task<IReadOnlyList<SpecFinding>> CheckAsync(string path, CancellationToken cancellationToken)
    {
        var (document, errors, warnings) = await SpecLoader.LoadAsync(path, cancellationToken).ConfigureAwait(false);
        var findings = new List<SpecFinding>();
        findings.AddRange(errors.Select(e => new SpecFinding("error", e)));
        findings.AddRange(warnings.Select(w => new SpecFinding("warning", w)));
        if (document is null)
        {
            return findings;
        }

        var lines = await File.ReadAllLinesAsync(path, cancellationToken).ConfigureAwait(false);
        foreach (var (route, method, operation) in SpecLoader.Operations(document))
        {
            var id = operation.OperationId;
            var line = id is null ? null : LineOf(lines, id);
            if (string.IsNullOrWhiteSpace(id))
            {
                findings.Add(new SpecFinding("identifier", "has no operationId: the generator invents a method name from the path", null, method, route));
            }
            else if (!Identifier().IsMatch(id))
            {
                findings.Add(new SpecFinding("identifier", $"'{id}' is not a C# identifier; the method is generated as {CSharpNames.Method(id)}", id, method, route, line));
            }

            foreach (var (status, response) in operation.Responses ?? [])
            {
                if (!status.StartsWith('2') || response.Content is not { Count: > 0 } content)
                {
                    continue;
                }

                foreach (var (mediaType, media) in content)
                {
                    if (media.Schema is null || IsEmpty(media.Schema))
                    {
                        findings.Add(new SpecFinding("untyped", $"the {status} answer ({mediaType}) has {(media.Schema is null ? "no schema" : "an empty schema")}: the generated method returns an untyped object", id, method, route, line));
                    }
                }
            }
        }

        return findings;
    }

    private static bool IsEmpty(IOpenApiSchema schema) =>
        schema is not OpenApiSchemaReference && schema.Type is null && schema.Properties is not { Count: > 0 } && schema.AllOf is not { Count: > 0 }
        && schema.OneOf is not { Count: > 0 } && schema.AnyOf is not { Count: > 0 } && schema.Items is null && schema.AdditionalProperties is null;

    private static int? LineOf(string[] lines, string operationId)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            var text = lines[i].Trim();
            if ((text.StartsWith("operationId:", StringComparison.Ordinal) || text.StartsWith("\"operationId\":", StringComparison.Ordinal))
                && text.Contains(operationId, StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        return null;
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();
}
