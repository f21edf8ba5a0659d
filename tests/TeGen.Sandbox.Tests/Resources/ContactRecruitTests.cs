using System.Text.Json.Nodes;
using TeGen.Sandbox.Tests.Support;

namespace TeGen.Sandbox.Tests.Resources;

public sealed class ContactRecruitTests
{
    private static JsonObject Recruit(string first = "Rita", string? owner = "jane-doe-acme") => new JsonObject
    {
        ["first_name"] = first,
        ["last_name"] = "Moreno",
        ["email"] = $"{first.ToLowerInvariant()}@example.test",
        ["recruit_info"] = new JsonObject { ["recruit_status"] = Bodies.Ref("status_name", "Prospect"), ["sourced_percent"] = 40, ["commission_split_percent"] = 70 },
        ["state_licenses"] = new JsonArray(new JsonObject { ["state"] = "MN", ["license_number"] = "MLO-1" }),
        ["recruit_metrics"] = new JsonArray(Metric("Purchase Share", 60, "Percent"), Metric("Refinance Share", 40, "Percent"), Metric("Annual Volume", 12000000, "Dollars")),
    }.With("owner", owner is null ? null : Bodies.Ref("username", owner));

    private static JsonObject Metric(string name, double value, string unit) =>
        new() { ["metric"] = Bodies.Ref("metric_name", name), ["value"] = value, ["unit"] = Bodies.Ref("unit_name", unit) };

    [Fact]
    public async Task A_recruit_is_created_read_listed_filtered_updated_and_deleted()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        var rita = await api.CreateAsync("v1/contact-recruits", token, Recruit());
        await api.CreateAsync("v1/contact-recruits", token, Recruit("Sam", owner: "john-smith-acme"));
        await api.CreateAsync("v1/contact-recruits", token, Recruit("Tom"));

        (await api.PatchAsync($"v1/contact-recruits/{rita}", token, new JsonObject
        {
            ["recruit_info"] = new JsonObject { ["recruit_status"] = Bodies.Ref("status_name", "Hired"), ["sourced_percent"] = 50 },
        })).Expect(200);
        var recruit = (await api.GetAsync($"v1/contact-recruits/{rita}", token)).Expect(200).Object;

        Assert.Equal(("Rita", 101L), (recruit["first_name"]!.GetValue<string>(), recruit["owner"]!["id"]!.GetValue<long>()));
        Assert.Equal("Hired", recruit["recruit_info"]!["recruit_status"]!["status_name"]!.GetValue<string>());
        Assert.Equal("MLO-1", recruit["state_licenses"]![0]!["license_number"]!.GetValue<string>());
        Assert.Equal("Percent", recruit["recruit_metrics"]![0]!["unit"]!["unit_name"]!.GetValue<string>());
        Assert.Equal([rita], (await api.GetAsync("v1/contact-recruits?filter=recruit_status=Hired", token)).Items.Select(item => item!["id"]!.GetValue<long>()));
        Assert.Single((await api.GetAsync("v1/contact-recruits?filter=owner_username=john-smith-acme", token)).Items);
        Assert.Single((await api.GetAsync("v1/contact-recruits?page[size]=2&page[number]=2", token)).Items);
        Assert.Equal(2, (await api.GetAsync("v1/contact-recruits", await api.UserTokenAsync())).Items.Count);
        Assert.Equal(4, (await api.GetAsync("v1/contact-recruit-statuses", token)).Expect(200).Items.Count);
        Assert.Equal(3, (await api.GetAsync("v1/contact-recruit-metrics", token)).Expect(200).Items.Count);
        Assert.Equal(3, (await api.GetAsync("v1/contact-recruit-metric-units", token)).Expect(200).Items.Count);

        (await api.DeleteAsync($"v1/contact-recruits/{rita}", token)).Expect(200);
        (await api.GetAsync($"v1/contact-recruits/{rita}", token)).Expect(404);
    }

    [Fact]
    public async Task The_spellings_of_TEs_examples_are_read_as_its_tables()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        var body = Recruit();
        body["recruit_info"] = new JsonObject { ["sourced_percentage"] = 35, ["commission_split"] = 80 };

        var id = await api.CreateAsync("v1/contact-recruits", token, body);
        var info = (await api.GetAsync($"v1/contact-recruits/{id}", token)).Object["recruit_info"]!;

        Assert.Equal((35, 80), (info["sourced_percent"]!.GetValue<int>(), info["commission_split_percent"]!.GetValue<int>()));
    }

    [Fact]
    public async Task TEs_recruit_rules_are_refused()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();

        (await api.PostAsync("v1/contact-recruits", token, Recruit(owner: null))).ExpectError(422, "'owner'");
        (await api.PostAsync("v1/contact-recruits", token, Recruit().Without("last_name"))).ExpectError(422, "'last_name'");
        (await api.PostAsync("v1/contact-recruits", token, Recruit().With("recruit_metrics", new JsonArray(Metric("Purchase Share", 70, "Percent"), Metric("Refinance Share", 40, "percent"))))).ExpectError(422, "more than 100");
        (await api.PostAsync("v1/contact-recruits", token, Recruit().With("recruit_metrics", new JsonArray(Metric("Happiness", 1, "Units"))))).ExpectRelationship("metric");
        (await api.PostAsync("v1/contact-recruits", token, Recruit().With("recruit_info", new JsonObject { ["recruit_status"] = Bodies.Ref("status_name", "Retired") }))).ExpectRelationship("recruit_status");
        Assert.True((await api.PostAsync("v1/contact-recruits", await api.UserTokenAsync(), Recruit(owner: null))).Status == 201);
    }

    [Fact]
    public async Task Without_a_percent_unit_the_metrics_are_not_added_up()
    {
        await using var api = await TestApi.StartAsync(options => options.RecruitPercentUnit = null);
        var token = await api.AdminTokenAsync();

        (await api.PostAsync("v1/contact-recruits", token, Recruit().With("recruit_metrics", new JsonArray(Metric("Purchase Share", 70, "Percent"), Metric("Refinance Share", 40, "Percent"))))).Expect(201);
    }
}
