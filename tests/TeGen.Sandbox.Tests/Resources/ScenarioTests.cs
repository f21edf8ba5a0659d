using System.Text.Json.Nodes;
using TeGen.Sandbox.Tests.Support;

namespace TeGen.Sandbox.Tests.Resources;

public sealed class ScenarioTests
{
    private static JsonObject Scenario(string? owner = "jane-doe-acme") => new JsonObject
    {
        ["name"] = "30 year fixed",
        ["display_name"] = "30-year fixed, 20% down",
        ["data"] = new JsonObject { ["rate"] = 6.25, ["points"] = new JsonArray(0, 1) },
        ["expiration_date"] = "2030-02-01 00:00:00",
        ["tags"] = new JsonArray(new JsonObject { ["type"] = "product", ["value"] = "fixed" }, new JsonObject { ["type"] = "term", ["value"] = "30" }),
    }.With("owner", owner is null ? null : Bodies.Ref("username", owner));

    [Fact]
    public async Task As_admin_a_scenario_needs_an_owner_named_without_email()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();

        (await api.PostAsync("v1/scenarios", token, Scenario(owner: null).Without("owner"))).ExpectError(422, "'owner'");
        (await api.PostAsync("v1/scenarios", token, Scenario(owner: null).With("owner", Bodies.Ref("email", "jane.doe@acme.example")))).Expect(422);
        var id = await api.CreateAsync("v1/scenarios", token, Scenario());

        var scenario = (await api.GetAsync($"v1/scenarios/{id}", token)).Expect(200).Object;
        Assert.Equal(101, scenario["owner"]!["id"]!.GetValue<long>());
        Assert.False(scenario["owner"]!.AsObject().ContainsKey("email"));
        Assert.Equal(6.25, scenario["data"]!["rate"]!.GetValue<double>());
        Assert.Equal(2, scenario["tags"]!.AsArray().Count);
    }

    [Fact]
    public async Task Scenarios_are_never_deduplicated_users_see_their_own_and_tags_come_off_with_remove_tags()
    {
        await using var api = await TestApi.StartAsync();
        var admin = await api.AdminTokenAsync();
        var johns = await api.CreateAsync("v1/scenarios", admin, Scenario("john-smith-acme"));
        var user = await api.UserTokenAsync();
        var janes = await api.CreateAsync("v1/scenarios", user, Scenario(owner: null).Without("owner"));

        Assert.NotEqual(johns, janes);
        Assert.Equal([janes], (await api.GetAsync("v1/scenarios", user)).Items.Select(item => item!["id"]!.GetValue<long>()));
        (await api.GetAsync($"v1/scenarios/{johns}", user)).Expect(404);

        var removal = new JsonObject { ["remove_tags"] = new JsonArray(new JsonObject { ["type"] = "term", ["value"] = "30" }) };
        Assert.Equal("[]", (await api.PatchAsync($"v1/scenarios/{janes}", user, removal)).Expect(200).Body);
        Assert.Equal("product", Assert.Single((await api.GetAsync($"v1/scenarios/{janes}", user)).Object["tags"]!.AsArray())!["type"]!.GetValue<string>());

        Assert.Equal("[]", (await api.DeleteAsync($"v1/scenarios/{janes}", user)).Expect(200).Body);
        (await api.GetAsync($"v1/scenarios/{janes}", admin)).Expect(404);
        Assert.Equal(2, (await api.GetAsync("v1/scenarios?filter=owner_username=john-smith-acme", admin)).Items.Count + 1);
    }
}
