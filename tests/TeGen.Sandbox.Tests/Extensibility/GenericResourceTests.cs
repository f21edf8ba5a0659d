using System.Text.Json.Nodes;
using TeGen.Sandbox.Tests.Support;
using TeGen.Tests;

namespace TeGen.Sandbox.Tests.Extensibility;

// Adding a resource is a spec change: a collection the sandbox has no rule for gets routes, validation, storage,
// TE's paging and filters, and answers cut to its schema, with no sandbox code.
public sealed class GenericResourceTests : IDisposable
{
    private const string Paths = """

          /v1/teams:
            get:
              operationId: ListTeams
              x-te-paged: Team
              parameters:
                - $ref: '#/components/parameters/PageNumber'
                - $ref: '#/components/parameters/PageSize'
                - $ref: '#/components/parameters/Filter'
                - $ref: '#/components/parameters/Sort'
              responses:
                '200':
                  description: One page of teams.
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
                                  $ref: '#/components/schemas/Team'
            post:
              operationId: CreateTeam
              x-te-owner: required-as-admin
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/NewTeam'
              responses:
                '201':
                  description: Created.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/CreateResult'
          /v1/teams/{team_id}:
            parameters:
              - name: team_id
                in: path
                required: true
                schema:
                  type: integer
                  format: int64
            get:
              operationId: GetTeam
              responses:
                '200':
                  description: The team.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/Team'
            patch:
              operationId: UpdateTeam
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/TeamFields'
              responses:
                '200':
                  description: Updated.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/EmptyResult'
            delete:
              operationId: DeleteTeam
              responses:
                '200':
                  description: Deleted.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/EmptyResult'
        """;

    private const string Schemas = """

            NewTeam:
              allOf:
                - $ref: '#/components/schemas/TeamFields'
                - type: object
                  required: [team_name]
            TeamFields:
              type: object
              properties:
                team_name:
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
            Team:
              allOf:
                - $ref: '#/components/schemas/TeamFields'
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

    private readonly string _spec = Path.Combine(Path.GetTempPath(), $"tegen-teams-{Guid.NewGuid():N}.yaml");

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

        var created = (await api.PostAsync("v1/teams", token, JsonNode.Parse("""{"team_name":"North","size":"3","active":"True","managers":[{"username":"jane-doe-acme"}],"owner":{"id":101}}""")!)).Expect(201);
        await api.CreateAsync("v1/teams", token, new JsonObject { ["team_name"] = "South", ["size"] = 5, ["owner"] = Bodies.Ref("username", "john-smith-acme") });
        var team = (await api.GetAsync($"v1/teams/{created.Id}", token)).Expect(200).Object;
        (await api.PatchAsync($"v1/teams/{created.Id}", token, """{"size":4}""")).Expect(200);

        Assert.EndsWith($"/v1/teams/{created.Id}", created.Text("created"), StringComparison.Ordinal);
        Assert.Equal(["active", "id", "internal_created_at", "managers", "owner", "size", "team_name"], team.Select(member => member.Key).Order());
        Assert.Equal("jane-doe-acme", team["owner"]!["username"]!.GetValue<string>());
        Assert.Equal("North", team["team_name"]!.GetValue<string>());
        Assert.Equal(3, team["size"]!.GetValue<long>());
        Assert.True(team["active"]!.GetValue<bool>());
        Assert.Equal("South", Assert.Single((await api.GetAsync("v1/teams?filter=team_name_contains=sou", token)).Items)!["team_name"]!.GetValue<string>());
        Assert.Equal(4, Assert.Single((await api.GetAsync("v1/teams?filter=team_name=North", token)).Items)!["size"]!.GetValue<long>());
        Assert.Equal(2, (await api.GetAsync("v1/teams?page[size]=1", token)).Links["last"]!.GetValue<int>());
        Assert.Equal("South", (await api.GetAsync("v1/teams?sort=-size", token)).Items[0]!["team_name"]!.GetValue<string>());
        Assert.Equal("South", Assert.Single((await api.GetAsync("v1/teams?filter=owner_username=john-smith-acme", token)).Items)!["team_name"]!.GetValue<string>());
        (await api.PostAsync("v1/teams", token, """{"size":2,"owner":{"id":101}}""")).ExpectError(422, "Missing required field: 'team_name'");

        // x-te-owner: required-as-admin
        (await api.PostAsync("v1/teams", token, """{"team_name":"West"}""")).ExpectError(422, "Missing required field: 'owner'");
        var user = await api.UserTokenAsync();
        var mine = await api.CreateAsync("v1/teams", user, new JsonObject { ["team_name"] = "Mine" });
        Assert.Equal(["North", "Mine"], (await api.GetAsync("v1/teams", user)).Items.Select(item => item!["team_name"]!.GetValue<string>())); // not John's South
        Assert.Equal("\"101\"", (await api.GetAsync($"v1/teams/{mine}", user)).Object["owner"]!["id"]!.ToJsonString());
        (await api.PostAsync("v1/teams", token, """{"team_name":"East","size":0,"owner":{"id":101}}""")).ExpectError(422, "Invalid value for field: 'size'");
        (await api.PostAsync("v1/teams", token, """{"team_name":"East","colour":"red","owner":{"id":101}}""")).ExpectError(422, "Unknown field: 'colour'");
        Assert.Equal("[]", (await api.DeleteAsync($"v1/teams/{created.Id}", token)).Expect(200).Body);
        (await api.GetAsync($"v1/teams/{created.Id}", token)).Expect(404);
        Assert.Equal(["South", "Mine"], api.Sandbox.Inspector.GetState().Collections["/v1/teams"].Select(team => team["team_name"]));
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
