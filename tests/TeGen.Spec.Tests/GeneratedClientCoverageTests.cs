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

    public static TheoryData<string> OperationIds => new(SpecShapeTests.ExpectedOperationIds);

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

        var method = contract!.GetMethods().SingleOrDefault(m =>
            m.Name == operationId + "Async" && m.GetParameters().LastOrDefault()?.ParameterType == typeof(CancellationToken));
        Assert.True(method is not null, $"I{tag}Client.{operationId}Async(..., CancellationToken) is missing");

        AssertTypedResponse(operation, method!);
        AssertTypedRequest(operation, method!);
    }

    [Fact]
    public void Clients_take_an_injected_HttpClient()
    {
        // Public ones only: the SDK's internal subclasses that check TE's rules before sending are not generated.
        var clients = ClientAssembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true } && typeof(TeGen.Client.TotalExpertClientBase).IsAssignableFrom(t)).ToList();
        Assert.Equal(11, clients.Count);
        Assert.All(clients, client => Assert.NotNull(client.GetConstructor([typeof(HttpClient)])));
    }

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

        var body = SpecDocument.ReferenceId(SpecDocument.JsonSchema(operation.RequestBody.Content));
        Assert.Contains(method.GetParameters(), p => p.ParameterType.Name == body);
    }
}
