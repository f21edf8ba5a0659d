using System.Text.Json.Nodes;
using TeGen.Sandbox.Tests.Support;
using TeGen.Tests;

namespace TeGen.Sandbox.Tests.Extensibility;

// Adding a resource is a spec change: a collection the sandbox has no rule for gets routes, validation, storage,
// TE's paging and filters, and answers cut to its schema, with no sandbox code.
public sealed class GenericResourceTests : IDisposable
{
    private const string Paths = """

          /v1/squads:
            get:
              operationId: ListSquads
              x-te-paged: Squad
              parameters:
                - $ref: '#/components/parameters/PageNumber'
                - $ref: '#/components/parameters/PageSize'
                - $ref: '#/components/parameters/Filter'
                - $ref: '#/components/parameters/Sort'
              responses:
                '200':
                  description: One page of squads.
                  content:
                    application/json:
                      schema:
                        allOf:
                          - $ref: '#/components/schemas/PagedResponse'
                          - type: object
                            properties:
                              items:
                                type: array
                                items:
                                  $ref: '#/components/schemas/Squad'
            post:
              operationId: CreateSquad
              x-te-owner: required-as-admin
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/NewSquad'
              responses:
                '201':
                  description: Created.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/CreateResult'
          /v1/squads/{squad_id}:
            parameters:
              - name: squad_id
                in: path
                required: true
                schema:
                  type: integer
                  format: int64
            get:
              operationId: GetSquad
              responses:
                '200':
                  description: The team.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/Squad'
            patch:
              operationId: UpdateSquad
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/SquadFields'
              responses:
                '200':
                  description: Updated.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/EmptyResult'
            delete:
              operationId: DeleteSquad
              responses:
                '200':
                  description: Deleted.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/EmptyResult'
        """;

    private const string Schemas = """

            NewSquad:
              allOf:
                - $ref: '#/components/schemas/SquadFields'
                - type: object
                  required: [squad_name]
            SquadFields:
              type: object
              properties:
                squad_name:
                  type: string
                size:
                  type: integer
                  minimum: 1
                active:
                  type: boolean
                managers:
                  type: array
                  items:
                    $ref: '#/components/schemas/OwnerRef'
                owner:
                  $ref: '#/components/schemas/OwnerRef'
            Squad:
              allOf:
                - $ref: '#/components/schemas/SquadFields'
                - type: object
                  properties:
                    id:
                      type: integer
                      format: int64
                      readOnly: true
                    internal_created_at:
                      type: string
                      format: date-time
                      readOnly: true
        """;

    private readonly string _spec = Path.Combine(Path.GetTempPath(), $"tegen-squads-{Guid.NewGuid():N}.yaml");

    public GenericResourceTests()
    {
        var yaml = File.ReadAllText(RepoPaths.Spec);
        yaml = Insert(yaml, "\npaths:\n", Paths);
        yaml = Insert(yaml, "\n  schemas:\n", Schemas);
        File.WriteAllText(_spec, yaml);
    }

    [Fact]
    public async Task A_collection_added_to_the_spec_gets_crud_paging_filters_and_validation()
    {
        await using var api = await TestApi.StartAsync(options =>
        {
            options.SpecFile = _spec;
            options.StrictRequestMembers = true;
            options.RequiredScopes.Clear();
        });
        var token = await api.AdminTokenAsync();

        var created = (await api.PostAsync("v1/squads", token, JsonNode.Parse("""{"squad_name":"North","size":"3","active":"True","managers":[{"username":"jane-doe-acme"}],"owner":{"id":101}}""")!)).Expect(201);
        await api.CreateAsync("v1/squads", token, new JsonObject { ["squad_name"] = "South", ["size"] = 5, ["owner"] = Bodies.Ref("username", "john-smith-acme") });
        var team = (await api.GetAsync($"v1/squads/{created.Id}", token)).Expect(200).Object;
        (await api.PatchAsync($"v1/squads/{created.Id}", token, """{"size":4}""")).Expect(200);

        Assert.EndsWith($"/v1/squads/{created.Id}", created.Text("created"), StringComparison.Ordinal);
        Assert.Equal(["active", "id", "internal_created_at", "managers", "owner", "size", "squad_name"], team.Select(member => member.Key).Order());
        Assert.Equal("jane-doe-acme", team["owner"]!["username"]!.GetValue<string>());
        Assert.Equal("North", team["squad_name"]!.GetValue<string>());
        Assert.Equal(3, team["size"]!.GetValue<long>());
        Assert.True(team["active"]!.GetValue<bool>());
        Assert.Equal("South", Assert.Single((await api.GetAsync("v1/squads?filter=squad_name_contains=sou", token)).Items)!["squad_name"]!.GetValue<string>());
        Assert.Equal(4, Assert.Single((await api.GetAsync("v1/squads?filter=squad_name=North", token)).Items)!["size"]!.GetValue<long>());
        Assert.Equal(2, (await api.GetAsync("v1/squads?page[size]=1", token)).Links["last"]!.GetValue<int>());
        Assert.Equal("South", (await api.GetAsync("v1/squads?sort=-size", token)).Items[0]!["squad_name"]!.GetValue<string>());
        Assert.Equal("South", Assert.Single((await api.GetAsync("v1/squads?filter=owner_username=john-smith-acme", token)).Items)!["squad_name"]!.GetValue<string>());
        (await api.PostAsync("v1/squads", token, """{"size":2,"owner":{"id":101}}""")).ExpectError(422, "Missing required field: 'squad_name'");

        // x-te-owner: required-as-admin
        (await api.PostAsync("v1/squads", token, """{"squad_name":"West"}""")).ExpectError(422, "Missing required field: 'owner'");
        var user = await api.UserTokenAsync();
        var mine = await api.CreateAsync("v1/squads", user, new JsonObject { ["squad_name"] = "Mine" });
        Assert.Equal(["North", "Mine"], (await api.GetAsync("v1/squads", user)).Items.Select(item => item!["squad_name"]!.GetValue<string>())); // not John's South
        Assert.Equal("\"101\"", (await api.GetAsync($"v1/squads/{mine}", user)).Object["owner"]!["id"]!.ToJsonString());
        (await api.PostAsync("v1/squads", token, """{"squad_name":"East","size":0,"owner":{"id":101}}""")).ExpectError(422, "Invalid value for field: 'size'");
        (await api.PostAsync("v1/squads", token, """{"squad_name":"East","colour":"red","owner":{"id":101}}""")).ExpectError(422, "Unknown field: 'colour'");
        Assert.Equal("[]", (await api.DeleteAsync($"v1/squads/{created.Id}", token)).Expect(200).Body);
        (await api.GetAsync($"v1/squads/{created.Id}", token)).Expect(404);
        Assert.Equal(["South", "Mine"], api.Sandbox.Inspector.GetState().Collections["/v1/squads"].Select(team => team["squad_name"]));
    }

    public void Dispose() => File.Delete(_spec);

    // The blocks are written at the indentation of the section they join.
    private static string Insert(string yaml, string after, string block)
    {
        var at = yaml.IndexOf(after, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{after.Trim()}' not found in the spec");
        return yaml.Insert(at + after.Length, block.TrimStart('\n') + "\n");
    }
}
