using TeGen.Build.Specs;

namespace TeGen.Tool.Specs;

/// <summary>
/// <see cref="ISpecChecker"/> over Microsoft.OpenApi that lists the operation names TeGen.Build rewrites, and as what
/// method each is generated, so a spec author sees the C# names before building.
/// </summary>
internal sealed class SpecNameChecker : ISpecChecker
{
    public async Task<IReadOnlyList<SpecFinding>> CheckAsync(string path, CancellationToken cancellationToken)
    {
        var (document, _, _) = await SpecLoader.LoadAsync(path, cancellationToken).ConfigureAwait(false);
        if (document is null)
        {
            return [];
        }

        var findings = new List<SpecFinding>();
        var lines = await File.ReadAllLinesAsync(path, cancellationToken).ConfigureAwait(false);
        foreach (var (route, method, operation) in SpecLoader.Operations(document))
        {
            var id = operation.OperationId;
            if (string.IsNullOrWhiteSpace(id))
            {
                findings.Add(new SpecFinding(SpecFinding.Identifier, "has no operationId: the generator invents a method name from the path", null, method, route));
            }
            else if (!CSharpIdentifiers.IsPlain(id))
            {
                findings.Add(new SpecFinding(SpecFinding.Identifier, $"'{id}' is not a C# identifier; the method is generated as {CSharpNames.Method(id)}", id, method, route, LineOf(lines, id)));
            }
        }

        return findings;
    }

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
}
