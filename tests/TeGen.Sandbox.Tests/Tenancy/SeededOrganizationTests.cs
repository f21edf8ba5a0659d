using System.Text.Json.Nodes;
using TeGen.Sandbox.Tests.Support;

namespace TeGen.Sandbox.Tests.Tenancy;

public sealed class SeededOrganizationTests
{
    [Fact]
    public void Many_starts_with_Acme_Lending_unchanged_and_numbers_the_others()
    {
        var many = SandboxOrganization.Many(5);
        var acme = SandboxOrganization.AcmeLending();

        Assert.Equal(
            (acme.Name, acme.ClientId, acme.ClientSecret, acme.Users.Count, acme.InsightTypes.Count, acme.CustomFields.Count, 0, 0),
            (many[0].Name, many[0].ClientId, many[0].ClientSecret, many[0].Users.Count, many[0].InsightTypes.Count, many[0].CustomFields.Count, many[0].Surveys.Count, many[0].ContactGroups.Count));
        Assert.Equal(["tegen-sandbox-client", "tegen-sandbox-client-2", "tegen-sandbox-client-3", "tegen-sandbox-client-4", "tegen-sandbox-client-5"], many.Select(org => org.ClientId));
        Assert.Equal("tegen-sandbox-secret-5", many[4].ClientSecret);
        Assert.Equal(5, many.Select(org => org.Name).Distinct().Count());
        var users = many.SelectMany(org => org.Users).ToList();
        Assert.Equal(15, users.Select(user => user.Id).Distinct().Count());
        Assert.Equal(15, users.Select(user => user.Email).Distinct().Count());
        Assert.Equal(15, users.Select(user => user.Username).Distinct().Count());
        Assert.Equal(15, users.Select(user => user.ExternalId).Distinct().Count());
        Assert.All(many.Skip(1), org => Assert.All(org.InsightTypes.Take(2), type => Assert.StartsWith($"{org.Name}: ", type.Type, StringComparison.Ordinal)));
        Assert.Equal(SandboxOrganization.Many(1).Select(org => org.ClientId), [acme.ClientId]);
        Assert.Throws<ArgumentOutOfRangeException>(() => SandboxOrganization.Many(0));
    }

    [Fact]
    public async Task Same_named_surveys_groups_and_insight_types_have_different_ids_in_each_organization()
    {
        await using var api = await FiveOrganizations.StartAsync();
        var a = await api.AdminTokenAsync(organization: api.Sandbox.Organizations[1]);
        var b = await api.AdminTokenAsync(organization: api.Sandbox.Organizations[2]);

        string[] tokens = [a, b];

        var surveys = await Task.WhenAll(tokens.Select(token => ReadSurveyAsync(api, token, "Home buyer interest")));
        var groups = await Task.WhenAll(tokens.Select(token => api.GetAsync("v1/contact-groups?filter=group_name=Newsletter", token)));
        var types = await Task.WhenAll(tokens.Select(token => api.GetAsync("v1/insight-types?filter=type=TeGen%20Sandbox:%20Contact%20synced", token)));

        Assert.Equal(surveys[0].Member("version"), surveys[1].Member("version"));
        Assert.NotEqual(surveys[0].Member("id"), surveys[1].Member("id"));
        var questions = surveys.Select(survey => survey["questions"]!.AsArray()).ToArray();
        Assert.Equal(questions[0].Select(question => question.Member("system_name")), questions[1].Select(question => question.Member("system_name")));
        Assert.Empty(questions[0].Select(question => question.Member("id")).Intersect(questions[1].Select(question => question.Member("id"))));
        Assert.NotEqual(Assert.Single(groups[0].Ids()), Assert.Single(groups[1].Ids()));
        Assert.NotEqual(Assert.Single(types[0].Ids()), Assert.Single(types[1].Ids()));
    }

    [Fact]
    public async Task A_reset_brings_seeded_groups_and_surveys_back_as_seeded()
    {
        await using var api = await FiveOrganizations.StartAsync();
        var org = api.Sandbox.Organizations[1];
        var token = await api.AdminTokenAsync(organization: org);
        var survey = $"v1/contact-surveys/{org.Surveys[0].Id}";
        (await api.DeleteAsync("v1/contact-groups/201", token)).Expect(200);
        (await api.PatchAsync(survey, token, new JsonObject { ["survey_name"] = "Renamed", ["questions"] = new JsonArray() })).Expect(200);
        await api.CreateAsync("v1/contact-groups", token, new JsonObject { ["group_name"] = "Extra", ["owner"] = Bodies.Ref("id", 201) });

        (await api.SendAsync(HttpMethod.Post, "_sandbox/reset")).Expect(200);

        Assert.Equal(["201", "202"], (await api.GetAsync("v1/contact-groups", token)).Ids());
        Assert.Equal("Home buyer interest", (await api.GetAsync(survey, token)).Expect(200).Object.Member("survey_name"));
    }

    [Fact]
    public async Task New_groups_get_ids_that_no_seeded_group_has()
    {
        var org = SandboxOrganization.AcmeLending();
        org.ContactGroups.Add(new SandboxContactGroup { Id = 1, Name = "Seeded", OwnerId = 102 });
        await using var api = await TestApi.StartAsync(options => options.Organizations = [org]);
        var token = await api.AdminTokenAsync();

        var created = await api.CreateAsync("v1/contact-groups", token, new JsonObject { ["group_name"] = "New", ["owner"] = Bodies.Ref("id", 101) });

        Assert.Equal(2, created);
        Assert.Equal("102", (await api.GetAsync("v1/contact-groups/1", token)).Expect(200).Json!["owner"].Member("id"));
    }

    [Theory]
    [InlineData("group")]
    [InlineData("survey")]
    [InlineData("owner")]
    public async Task An_inconsistent_seed_is_refused_at_start(string clash)
    {
        var orgs = SandboxOrganization.Many(3);
        switch (clash)
        {
            case "group":
                orgs[2].ContactGroups.Add(new SandboxContactGroup { Id = 201, Name = "Twice" });
                break;
            case "survey":
                orgs[2].Surveys.Add(new SandboxSurvey { Id = orgs[1].Surveys[0].Id, Name = "Twice" });
                break;
            default:
                orgs[2].ContactGroups.Add(new SandboxContactGroup { Id = 399, Name = "Foreign owner", OwnerId = 201 });
                break;
        }

        await Assert.ThrowsAsync<ArgumentException>(() => TeSandbox.StartAsync(new TeSandboxOptions { Organizations = orgs }));
    }

    private static async Task<JsonObject> ReadSurveyAsync(TestApi api, string token, string name)
    {
        var id = Assert.Single((await api.GetAsync($"v1/contact-surveys?filter=survey_name={Uri.EscapeDataString(name)}", token)).Ids());
        return (await api.GetAsync($"v1/contact-surveys/{id}", token)).Expect(200).Object;
    }
}
