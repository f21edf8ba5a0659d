using YamlDotNet.RepresentationModel;

namespace TeGen.Build.Specs;

/// <summary>A spec loaded as a YAML node tree (JSON is YAML too), every node keeping its line and column.</summary>
internal sealed class SpecDocument(string file, YamlStream stream, YamlMappingNode root)
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    public string File { get; } = file;

    public YamlStream Stream { get; } = stream;

    public YamlMappingNode Root { get; } = root;

    /// <summary>Swagger 2.0 puts schemas under definitions and response schemas directly on the response.</summary>
    public bool IsSwagger2 => Scalar(Root, "swagger") is not null;

    public static YamlNode? Child(YamlNode? node, string key) =>
        node is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static string? Scalar(YamlNode? node, string key) => (Child(node, key) as YamlScalarNode)?.Value;

    /// <summary>The mapping's entries, or none when the node is absent or not a mapping.</summary>
    public static IEnumerable<KeyValuePair<YamlScalarNode, YamlNode>> Entries(YamlNode? node) =>
        node is YamlMappingNode mapping
            ? mapping.Children.Where(e => e.Key is YamlScalarNode).Select(e => new KeyValuePair<YamlScalarNode, YamlNode>((YamlScalarNode)e.Key, e.Value)).ToList()
            : [];

    /// <summary>Every operation in document order: its method key (for the position), path, and node.</summary>
    public IEnumerable<SpecOperation> Operations()
    {
        foreach (var (pathKey, pathItem) in Entries(Child(Root, "paths")))
        {
            foreach (var (methodKey, operation) in Entries(pathItem))
            {
                if (operation is YamlMappingNode mapping && Methods.Contains(methodKey.Value, StringComparer.OrdinalIgnoreCase))
                {
                    yield return new SpecOperation(pathKey.Value ?? string.Empty, methodKey, mapping, pathItem);
                }
            }
        }
    }

    /// <summary>Follows a local <c>$ref</c> (<c>#/components/responses/X</c>) to its target; other nodes are returned as they are.</summary>
    public YamlNode? Resolve(YamlNode? node)
    {
        for (var hops = 0; hops < 16 && Scalar(node, "$ref") is { } reference; hops++)
        {
            node = FindPointer(reference);
        }

        return node;
    }

    /// <summary>The node a local JSON pointer (<c>#/a/b~1c</c>) names, or null.</summary>
    public YamlNode? FindPointer(string reference)
    {
        if (!reference.StartsWith('#'))
        {
            return null;
        }

        YamlNode? node = Root;
        foreach (var raw in reference.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var segment = Uri.UnescapeDataString(raw).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            node = node switch
            {
                YamlMappingNode => Child(node, segment),
                YamlSequenceNode sequence when int.TryParse(segment, out var index) && index >= 0 && index < sequence.Children.Count => sequence.Children[index],
                _ => null,
            };
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    /// <summary>Every node of the tree with its key (null for sequence items and the root), depth first.</summary>
    public static IEnumerable<(YamlScalarNode? Key, YamlNode Node, YamlNode? Parent)> Walk(YamlNode node, Func<YamlScalarNode, bool>? enter = null)
    {
        var pending = new Stack<(YamlScalarNode?, YamlNode, YamlNode?)>();
        pending.Push((null, node, null));
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            yield return current;
            switch (current.Item2)
            {
                case YamlMappingNode mapping:
                    foreach (var (key, value) in Entries(mapping).Reverse())
                    {
                        if (enter is null || enter(key))
                        {
                            pending.Push((key, value, mapping));
                        }
                    }

                    break;
                case YamlSequenceNode sequence:
                    for (var i = sequence.Children.Count - 1; i >= 0; i--)
                    {
                        pending.Push((null, sequence.Children[i], sequence));
                    }

                    break;
            }
        }
    }
}
