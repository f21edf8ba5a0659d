using System.Reflection;
using Microsoft.OpenApi;

namespace TeGen.Spec.Tests;

/// <summary>
/// The TeGen.Client assembly is generated from the spec at build time; these tests check that every operation
/// came out as a typed method on the client of its tag, with typed request and response models.
/// </summary>
public class GeneratedClientCoverageTests
{
    private static readonly Assembly ClientAssembly = typeof(TeGen.Client.ContactsClient).Assembly;

    // The token endpoint is the SDK's own business (budget, single flight): no client is generated for it.
    private static readonly string[] NotGenerated = ["RequestToken"];

    public static TheoryData<string> OperationIds => new(SpecShapeTests.ExpectedOperationIds.Except(NotGenerated));

    [Theory]
    [MemberData(nameof(OperationIds))]
    public void Operation_is_a_typed_method_on_its_tag_client(string operationId)
    {
        var (_, _, operation) = SpecDocument.Operations.Single(o => o.Operation.OperationId == operationId);
        var tag = operation.Tags!.Single().Name;

        var contract = ClientAssembly.GetType($"TeGen.Client.I{tag}Client");
        var client = ClientAssembly.GetType($"TeGen.Client.{tag}Client");
        Assert.True(contract is { IsInterface: true }, $"I{tag}Client is missing");
        Assert.True(client is not null && contract!.IsAssignableFrom(client), $"{tag}Client does not implement I{tag}Client");

        // The generated method itself; a typed-filter overload (x-te-filter) takes the filter model first.
        var method = contract!.GetMethods().SingleOrDefault(m =>
            m.Name == operationId + "Async" && m.GetParameters().LastOrDefault()?.ParameterType == typeof(CancellationToken)
            && m.GetParameters()[0].ParameterType.Name != Extension(operation, "x-te-filter"));
        Assert.True(method is not null, $"I{tag}Client.{operationId}Async(..., CancellationToken) is missing");

        AssertTypedResponse(operation, method!);
        AssertTypedRequest(operation, method!);
    }

    [Fact]
    public void Generated_clients_are_internal_so_no_caller_can_bypass_the_pipeline()
    {
        var clients = ClientAssembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && t.BaseType == typeof(TeGen.Client.TotalExpertClientBase)).ToList();
        // One client per tag of the spec, but Auth (the SDK's own token endpoint client).
        Assert.Equal(SpecDocument.Document.Tags!.Count(tag => tag.Name != "Auth"), clients.Count);
        Assert.All(clients, client => Assert.False(client.IsPublic, $"{client.Name} is public"));
        Assert.All(clients, client => Assert.NotNull(client.GetConstructor([typeof(HttpClient)])));
        Assert.Null(ClientAssembly.GetType("TeGen.Client.AuthClient"));
        Assert.Null(ClientAssembly.GetType("TeGen.Client.IAuthClient"));
    }

    [Fact]
    public void Every_generated_operation_carries_what_the_spec_says_of_it()
    {
        var operations = GeneratedClient.Operations;

        Assert.Equal(SpecShapeTests.ExpectedOperationIds.Except(NotGenerated).Order(), operations.Keys.Order());
        foreach (var (path, method, spec) in SpecDocument.Operations.Where(o => !NotGenerated.Contains(o.Operation.OperationId)))
        {
            var operation = operations[spec.OperationId!];
            Assert.Equal(method.Method.ToUpperInvariant(), operation.Method.Method);
            Assert.Equal(path.TrimStart('/'), operation.Path);
            Assert.Equal(spec.Security is not { Count: 0 }, operation.RequiresAuthentication);
            Assert.Equal(Extension(spec, "x-te-deduplicated") == "true", operation.Deduplicated);
            Assert.Equal(Extension(spec, "x-te-paged") is not null, operation.Paged);
            Assert.Equal(Extension(spec, "x-te-owner") == "required-as-admin", operation.OwnerRequiredAsAdmin);
            Assert.Equal(Extension(spec, "x-te-lead-family"), operation.LeadFamily);
            var declared = spec.Responses!.Keys.Where(SpecDocument.IsSuccess).Select(int.Parse);
            Assert.Equal(declared.Concat(SuccessExtension(spec)).Order(), operation.SuccessStatuses.Order());
        }
    }

    [Fact]
    public void Every_paged_list_names_its_page_item_and_gets_a_ListAll_method_of_that_item()
    {
        foreach (var (_, _, spec) in SpecDocument.Operations.Where(o => Extension(o.Operation, "x-te-paged") is not null))
        {
            var item = Extension(spec, "x-te-paged")!;
            var page = SpecDocument.ReferenceId(SpecDocument.JsonSchema(spec.Responses!["200"].Content))!;
            var pageItems = SpecDocument.Document.Components!.Schemas![page].AllOf!.SelectMany(s => s.Properties ?? new Dictionary<string, IOpenApiSchema>()).Single(p => p.Key == "items").Value.Items;
            Assert.Equal(SpecDocument.ReferenceId(pageItems), item);

            var contract = ClientAssembly.GetType($"TeGen.Client.I{spec.Tags!.Single().Name}Client")!;
            var listAll = contract.GetMethods().SingleOrDefault(m =>
                m.Name == spec.OperationId!.Replace("List", "ListAll", StringComparison.Ordinal) + "Async" && m.GetParameters()[0].ParameterType == typeof(int));
            Assert.True(listAll is not null, $"{contract.Name} lacks ListAll for {spec.OperationId}");
            Assert.Equal(typeof(IAsyncEnumerable<>).MakeGenericType(ClientAssembly.GetType("TeGen.Client." + item)!), listAll!.ReturnType);
        }
    }

    [Fact]
    public void Every_list_with_a_filter_schema_takes_that_model_in_place_of_the_filter_text()
    {
        var filtered = SpecDocument.Operations.Where(o => Extension(o.Operation, "x-te-filter") is not null).ToList();
        Assert.NotEmpty(filtered);
        foreach (var (_, _, spec) in filtered)
        {
            var model = ClientAssembly.GetType("TeGen.Client." + Extension(spec, "x-te-filter"));
            Assert.True(model is not null, $"{Extension(spec, "x-te-filter")} is not generated");
            var contract = ClientAssembly.GetType($"TeGen.Client.I{spec.Tags!.Single().Name}Client")!;
            Assert.Contains(contract.GetMethods(), m => m.Name == spec.OperationId + "Async" && m.GetParameters()[0].ParameterType == model);
            if (Extension(spec, "x-te-paged") is not null)
            {
                Assert.Contains(contract.GetMethods(), m => m.Name == spec.OperationId!.Replace("List", "ListAll", StringComparison.Ordinal) + "Async" && m.GetParameters()[0].ParameterType == model);
            }
        }
    }

    private static string? Extension(OpenApiOperation operation, string name) =>
        operation.Extensions?.TryGetValue(name, out var value) == true && value is JsonNodeExtension node ? node.Node.ToJsonString().Trim('"') : null;

    private static IEnumerable<int> SuccessExtension(OpenApiOperation operation) =>
        operation.Extensions?.TryGetValue("x-te-success-statuses", out var value) == true && value is JsonNodeExtension node
            ? node.Node.AsArray().Select(n => (int)n!.GetValue<decimal>())
            : [];

    [Fact]
    public void Model_properties_are_PascalCase_and_keep_TE_json_names()
    {
        var contact = ClientAssembly.GetType("TeGen.Client.NewContact")!;
        var firstName = contact.GetProperty("FirstName");
        Assert.NotNull(firstName);
        var jsonName = firstName!.GetCustomAttributes(inherit: true)
            .OfType<System.Text.Json.Serialization.JsonPropertyNameAttribute>().Single().Name;
        Assert.Equal("first_name", jsonName);
        Assert.DoesNotContain(ClientAssembly.GetTypes().SelectMany(t => t.GetProperties()), p => p.Name.Contains('_'));
    }

    private static void AssertTypedResponse(OpenApiOperation operation, MethodInfo method)
    {
        var success = operation.Responses!.Where(r => SpecDocument.IsSuccess(r.Key)).Select(r => SpecDocument.ReferenceId(SpecDocument.JsonSchema(r.Value.Content))).FirstOrDefault();
        if (success is null)
        {
            // Only the teapot: TE answers 418 on success, which the generated client surfaces as a typed exception.
            Assert.Equal(typeof(Task), method.ReturnType);
            return;
        }

        Assert.True(method.ReturnType.IsGenericType && method.ReturnType.GetGenericTypeDefinition() == typeof(Task<>),
            $"{method.Name} returns {method.ReturnType}");
        var result = method.ReturnType.GetGenericArguments()[0];
        var schema = SpecDocument.Document.Components!.Schemas![success];
        if (schema.Type == JsonSchemaType.Array)
        {
            // TE's empty-array success body (PATCH/DELETE).
            Assert.True(typeof(System.Collections.IEnumerable).IsAssignableFrom(result), $"{method.Name} returns {result}");
        }
        else
        {
            Assert.Equal(success, result.Name);
        }
    }

    private static void AssertTypedRequest(OpenApiOperation operation, MethodInfo method)
    {
        if (operation.RequestBody is null)
        {
            return;
        }

        // A raw upload is a stream with its content type (NSwag's FileParameter), not a model.
        var body = SpecDocument.ReferenceId(SpecDocument.JsonSchema(operation.RequestBody.Content)) ?? "FileParameter";
        Assert.Contains(method.GetParameters(), p => p.ParameterType.Name == body);
    }
}
