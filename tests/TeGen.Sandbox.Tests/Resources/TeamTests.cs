using System.Text.Json.Nodes;
using TeGen.Sandbox.Tests.Support;

namespace TeGen.Sandbox.Tests.Resources;

public sealed class TeamTests
{
    [Fact]
    public async Task A_team_is_created_with_managers_listed_filtered_renamed_its_managers_changed_and_deleted()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        var north = await api.CreateAsync("v1/teams", token, new JsonObject { ["team_name"] = "North Branch", ["managers"] = new JsonArray(Bodies.Ref("username", "jane-doe-acme")) });
        await api.CreateAsync("v1/teams", token, new JsonObject { ["team_name"] = "South Branch" });
        await api.CreateAsync("v1/teams", token, new JsonObject { ["team_name"] = "Operations" });
        var member = await api.CreateAsync("v1/users", token, new JsonObject
        {
            ["email"] = "lee@acme.example", ["type"] = "Lender", ["info"] = new JsonObject(), ["role"] = Bodies.Ref("role_name", "Loan Officer"),
            ["teams"] = new JsonArray(Bodies.Ref("id", north)),
        });

        (await api.PatchAsync($"v1/teams/{north}", token, new JsonObject
        {
            ["team_name"] = "North",
            ["managers"] = new JsonArray(Bodies.Ref("email", "john.smith@acme.example")),
            ["remove_managers"] = new JsonArray(Bodies.Ref("id", 101)),
        })).Expect(200);
        var team = (await api.GetAsync($"v1/teams/{north}", token)).Expect(200).Object;

        Assert.Equal("North", team["team_name"]!.GetValue<string>());
        Assert.Equal("john-smith-acme", Assert.Single(team["managers"]!.AsArray())!["username"]!.GetValue<string>());
        Assert.Equal(["North", "South Branch"], (await api.GetAsync("v1/teams?page[size]=2", token)).Items.Select(item => item!["team_name"]!.GetValue<string>()));
        Assert.Equal("South Branch", Assert.Single((await api.GetAsync("v1/teams?filter=team_name_contains=uth", token)).Items)!["team_name"]!.GetValue<string>());
        Assert.Equal(3, (await api.GetAsync("v1/teams", await api.UserTokenAsync())).Expect(200).Items.Count);

        (await api.DeleteAsync($"v1/teams/{north}", token)).Expect(200);
        (await api.GetAsync($"v1/teams/{north}", token)).Expect(404);
        Assert.Empty((await api.GetAsync($"v1/users/{member}", token)).Object["teams"]!.AsArray());
    }

    [Fact]
    public async Task A_team_needs_its_name_and_managers_who_exist()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();

        (await api.PostAsync("v1/teams", token, new JsonObject { ["managers"] = new JsonArray() })).ExpectError(422, "'team_name'");
        (await api.PostAsync("v1/teams", token, new JsonObject { ["team_name"] = "X", ["managers"] = new JsonArray(Bodies.Ref("username", "nobody")) })).ExpectRelationship("managers");
        var id = await api.CreateAsync("v1/teams", token, new JsonObject { ["team_name"] = "X" });
        (await api.PatchAsync($"v1/teams/{id}", token, new JsonObject { ["remove_managers"] = new JsonArray(Bodies.Ref("id", 999)) })).ExpectRelationship("remove_managers");
    }
}
