using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TeGen.Sandbox.Tests.Robustness;
using TeGen.Sandbox.Tests.Support;

namespace TeGen.Sandbox.Tests.Validation;

public sealed partial class StrictModeTests
{
    private const string Unknown = "tegen_unknown";

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex PathParameter();

    // Every operation of the spec that takes a JSON body (not a raw upload), but the token request (OAuth: Auth reads it,
    // forms included).
    public static TheoryData<string, string> BodyOperations()
    {
        var data = new TheoryData<string, string>();
        foreach (var (method, path, operation) in SpecOperations.All.Where(operation => operation.Operation.RequestBody?.Content?.ContainsKey("application/json") == true && operation.Path != "/v1/token"))
        {
            data.Add(method, path);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BodyOperations))]
    public async Task Strict_mode_refuses_an_unknown_member_of_any_request_body_naming_it(string method, string path)
    {
        await using var api = await TestApi.StartAsync(options => options.StrictRequestMembers = true);
        var (target, body) = await AcceptedRequestAsync(api, method, path);

        var reply = await api.SendAsync(new HttpMethod(method), target.Item1, target.Item2, body.With(Unknown, 1));

        Assert.Equal($"Unknown field: '{Unknown}'", reply.Expect(422).Error);
    }

    [Theory]
    [MemberData(nameof(BodyOperations))]
    public async Task Lenient_mode_ignores_an_unknown_member(string method, string path)
    {
        await using var api = await TestApi.StartAsync(options => options.StrictRequestMembers = false);
        var (target, body) = await AcceptedRequestAsync(api, method, path);

        var reply = await api.SendAsync(new HttpMethod(method), target.Item1, target.Item2, body.With(Unknown, 1));

        Assert.True(reply.Status is >= 200 and < 300, $"{method} {path}: {reply.Status} {reply.Body}");
        Assert.DoesNotContain(Unknown, api.Sandbox.Inspector.GetState().ToJson().ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nested_unknown_members_are_named_by_their_path()
    {
        await using var api = await TestApi.StartAsync(options => options.StrictRequestMembers = true);
        var token = await api.AdminTokenAsync();

        (await api.PostAsync("v1/contacts", token, Bodies.Contact().With("owner", new JsonObject { ["username"] = "jane-doe-acme", ["nickname"] = "J" })))
            .ExpectError(422, "Unknown field: 'owner.nickname'");
        (await api.PostAsync("v1/contact-surveys", token, Bodies.Survey().With("questions", JsonNode.Parse("""[{"question_text":"Q","system_name":"q","data_type":"text","hint":"x"}]"""))))
            .ExpectError(422, "Unknown field: 'questions[0].hint'");

        // Free-form members stay free: an insight's data takes any member.
        var contact = await api.CreateAsync("v1/contacts", token, Bodies.Contact());
        await api.CreateAsync("v1/insights", token, new JsonObject
        {
            ["contact"] = Bodies.Ref("id", contact), ["type"] = Bodies.Ref("id", 1), ["owner"] = Bodies.Ref("id", 101), ["data"] = new JsonObject { ["anything"] = 1 },
        });
    }

    [Fact]
    public async Task Strict_mode_can_be_switched_on_for_the_standalone_sandbox_from_the_command_line()
    {
        var options = new TeSandboxOptions();

        var (app, runtime) = TeGen.Sandbox.Hosting.SandboxApp.Build(options, ["--Sandbox:StrictRequestMembers=true", "--urls", "http://127.0.0.1:0"], standalone: true);
        await app.DisposeAsync();

        Assert.True(runtime.Options.StrictRequestMembers);
    }

    // The path with ids of stored records and a token, and a body the operation accepts as it is.
    private static async Task<((string, string), JsonObject)> AcceptedRequestAsync(TestApi api, string method, string path)
    {
        var targets = await FuzzTargets.SeedAsync(api);
        var operation = SpecOperations.Find(method, path);
        var schema = SpecOperations.BodySchemaName(operation) ?? throw new InvalidOperationException($"{method} {path} has no named body schema");
        var body = targets.Bodies.TryGetValue(schema, out var known) ? (JsonObject)known.DeepClone() : new JsonObject();
        var collection = path.Contains('{', StringComparison.Ordinal) ? path[..path.LastIndexOf('/')] : path;
        var target = PathParameter().Replace(path, targets.IdIn(collection)).TrimStart('/');
        return ((target, targets.AdminToken), body);
    }
}
