using YamlDotNet.RepresentationModel;

namespace TeGen.Build.Specs;

/// <summary>One operation of a spec: <c>get:</c> under <c>/v1/contacts:</c>.</summary>
internal sealed record SpecOperation(string Path, YamlScalarNode MethodKey, YamlMappingNode Node, YamlNode PathItem)
{
    public string Method => MethodKey.Value!.ToUpperInvariant();

    public int Line => (int)MethodKey.Start.Line;

    public int Column => (int)MethodKey.Start.Column;

    /// <summary>The operationId, or <c>GET /v1/contacts</c> when it has none.</summary>
    public string DisplayName => SpecDocument.Scalar(Node, "operationId") is { Length: > 0 } id ? $"'{id}' ({Method} {Path})" : $"{Method} {Path}";
}
