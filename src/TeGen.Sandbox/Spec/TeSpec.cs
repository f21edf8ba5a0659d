using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace TeGen.Sandbox.Spec;

// The OpenAPI description the sandbox serves: by default spec/totalexpert.openapi.yaml, embedded at build, parsed
// once per process.
internal sealed class TeSpec
{
    public const string ResourceName = "TeGen.Sandbox.totalexpert.openapi.yaml";

    private static readonly Lazy<TeSpec> EmbeddedSpec = new(() =>
    {
        using var stream = typeof(TeSpec).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The spec is not embedded as {ResourceName}.");
        return Load(stream, "the embedded spec");
    });

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Shape?> _items = new(StringComparer.Ordinal);

    private TeSpec(IReadOnlyList<SpecOperation> operations) => Operations = operations;

    public static TeSpec Embedded => EmbeddedSpec.Value;

    public IReadOnlyList<SpecOperation> Operations { get; }

    public static TeSpec FromFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Load(stream, path);
    }

    public SpecOperation? Find(string method, string path) =>
        Operations.FirstOrDefault(operation => operation.Method == method && operation.Path == path);

    // What one record of a collection looks like: the item GET's answer, else the items of the list's answer.
    public Shape? ItemShape(string collection) => _items.GetOrAdd(collection, FindItemShape);

    private Shape? FindItemShape(string collection)
    {
        var get = Operations.FirstOrDefault(operation => operation.Method == "GET" && operation.IsItem && operation.Collection == collection);
        if (get?.ResponseShape(get.SuccessStatus) is { } item)
        {
            return item;
        }

        var list = Operations.FirstOrDefault(operation => operation.Method == "GET" && !operation.IsItem && operation.Collection == collection);
        return list?.ResponseShape(list.SuccessStatus)?.Properties.GetValueOrDefault("items")?.Items;
    }

    private static TeSpec Load(Stream stream, string source)
    {
        // The spec's own tests validate it (TeGen.Spec.Tests); skipping the rules here saves start-up time.
        var settings = new OpenApiReaderSettings { RuleSet = ValidationRuleSet.GetEmptyRuleSet() };
        settings.AddYamlReader();
        var read = OpenApiDocument.Load(stream is MemoryStream memory ? memory : Copy(stream), "yaml", settings);
        var document = read.Document ?? throw new InvalidOperationException($"{source} is not an OpenAPI description: {string.Join("; ", read.Diagnostic?.Errors ?? [])}");
        var shapes = new ShapeReader();
        var operations = new List<SpecOperation>();
        foreach (var (path, item) in document.Paths)
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                operations.Add(Operation(document, shapes, path, item, method.Method.ToUpperInvariant(), operation));
            }
        }

        return new TeSpec(operations);
    }

    private static MemoryStream Copy(Stream stream)
    {
        var memory = new MemoryStream();
        stream.CopyTo(memory);
        memory.Position = 0;
        return memory;
    }

    private static SpecOperation Operation(OpenApiDocument document, ShapeReader shapes, string path, IOpenApiPathItem item, string method, OpenApiOperation operation)
    {
        var parameters = (item.Parameters ?? []).Concat(operation.Parameters ?? []).ToList();
        var security = operation.Security ?? document.Security ?? [];
        var responses = operation.Responses ?? [];
        return new SpecOperation
        {
            Method = method,
            Path = path,
            OperationId = operation.OperationId,
            IsPublic = security.Count == 0,
            UsesBasicAuth = security.Any(requirement => requirement.Keys.Any(scheme => (scheme as OpenApiSecuritySchemeReference)?.Reference.Id == "basicAuth" || scheme.Scheme == "basic")),
            PathParameters = Parameters(shapes, parameters, ParameterLocation.Path),
            QueryParameters = Parameters(shapes, parameters, ParameterLocation.Query),
            Body = shapes.Read(JsonSchema(operation.RequestBody?.Content)),
            UploadTypes = [.. (operation.RequestBody?.Content ?? new Dictionary<string, IOpenApiMediaType>())
                .Where(media => media.Value.Schema?.Format == "binary").Select(media => media.Key)],
            Responses = responses
                .Where(response => int.TryParse(response.Key, out _))
                .ToDictionary(response => int.Parse(response.Key, System.Globalization.CultureInfo.InvariantCulture), response => shapes.Read(JsonSchema(response.Value.Content))),
            OwnResponses = responses
                .Where(response => response.Value is not OpenApiResponseReference && int.TryParse(response.Key, out _))
                .Select(response => int.Parse(response.Key, System.Globalization.CultureInfo.InvariantCulture))
                .ToHashSet(),
            Extensions = (operation.Extensions ?? new Dictionary<string, IOpenApiExtension>())
                .ToDictionary(entry => entry.Key, entry => (entry.Value as JsonNodeExtension)?.Node?.DeepClone(), StringComparer.Ordinal),
            Filter = operation.Extensions is { } extensions && extensions.TryGetValue("x-te-filter", out var filter) && filter is JsonNodeExtension { Node: { } name }
                && document.Components?.Schemas?.ContainsKey(name.GetValue<string>()) == true
                    ? shapes.Read(new OpenApiSchemaReference(name.GetValue<string>(), document))
                    : null,
        };
    }

    private static List<SpecParameter> Parameters(ShapeReader shapes, IEnumerable<IOpenApiParameter> parameters, ParameterLocation location) =>
        [.. parameters.Where(parameter => parameter.In == location && parameter.Name is not null)
            .Select(parameter => new SpecParameter(parameter.Name!, parameter.Required, shapes.Read(parameter.Schema) ?? Shape.Any))];

    private static IOpenApiSchema? JsonSchema(IDictionary<string, IOpenApiMediaType>? content) =>
        content is null ? null
        : content.TryGetValue("application/json", out var json) ? json.Schema
        : content.FirstOrDefault(entry => entry.Key.EndsWith("+json", StringComparison.OrdinalIgnoreCase)).Value?.Schema;
}
