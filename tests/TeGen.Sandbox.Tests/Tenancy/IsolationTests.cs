using System.Globalization;
using System.Text.Json.Nodes;
using TeGen.Sandbox.Tests.Support;

namespace TeGen.Sandbox.Tests.Tenancy;

public sealed class IsolationTests
{
    [Fact]
    public async Task Each_organization_gets_a_token_and_lists_only_what_it_was_seeded_with()
    {
        await using var api = await FiveOrganizations.StartAsync();

        Assert.Equal(5, api.Sandbox.Organizations.Count);
        foreach (var org in api.Sandbox.Organizations)
        {
            var token = await api.AdminTokenAsync(organization: org);

            Assert.Equal(org.Users.Select(user => Text(user.Id)), (await api.GetAsync("v1/users", token)).Ids());
            Assert.Equal(org.InsightTypes.Select(type => Text(type.Id)), (await api.GetAsync("v1/insight-types", token)).Ids());
            Assert.Equal(org.ContactGroups.Select(group => Text(group.Id)), (await api.GetAsync("v1/contact-groups", token)).Ids());
            Assert.Equal(org.Surveys.Select(survey => survey.Id), (await api.GetAsync("v1/contact-surveys", token)).Ids());
            Assert.Equal(
                org.CustomFields.Select(field => field.SystemName),
                (await api.GetAsync("v1/schema/custom-fields", token)).Expect(200).Items.Select(field => field.Member("system_name")));
        }
    }

    [Theory]
    [InlineData("v1/users/{0}01")]
    [InlineData("v1/contact-groups/{0}01")]
    [InlineData("v1/contact-surveys/{0:x12}a001")]
    public async Task A_seeded_record_of_another_organization_is_not_found_by_id(string path)
    {
        await using var api = await FiveOrganizations.StartAsync();
        var (second, third) = (api.Sandbox.Organizations[1], api.Sandbox.Organizations[2]);

        (await api.GetAsync(string.Format(CultureInfo.InvariantCulture, path, 2), await api.AdminTokenAsync(organization: second))).Expect(200);
        (await api.GetAsync(string.Format(CultureInfo.InvariantCulture, path, 2), await api.AdminTokenAsync(organization: third))).Expect(404);
    }

    [Fact]
    public async Task A_contact_created_by_one_organization_is_invisible_to_another_by_list_and_by_id()
    {
        await using var api = await FiveOrganizations.StartAsync();
        var a = await api.AdminTokenAsync(organization: api.Sandbox.Organizations[1]);
        var b = await api.AdminTokenAsync(organization: api.Sandbox.Organizations[2]);
        var contact = await api.CreateAsync("v1/contacts", a, Bodies.Contact(owner: "jane-doe-lending2"));

        (await api.GetAsync($"v1/contacts/{contact}", a)).Expect(200);
        Assert.Equal([Text(contact)], (await api.GetAsync("v1/contacts", a)).Ids());

        (await api.GetAsync($"v1/contacts/{contact}", b)).Expect(404);
        (await api.PatchAsync($"v1/contacts/{contact}", b, new JsonObject { ["first_name"] = "Bob" })).Expect(404);
        (await api.DeleteAsync($"v1/contacts/{contact}", b)).Expect(404);
        Assert.Empty((await api.GetAsync("v1/contacts", b)).Ids());

        // The same person in the other organization is a contact of its own, not a duplicate of the first.
        var theirs = await api.CreateAsync("v1/contacts", b, Bodies.Contact(owner: "jane-doe-lending3"));
        Assert.NotEqual(contact, theirs);
        Assert.Equal([Text(theirs)], (await api.GetAsync("v1/contacts", b)).Ids());
        Assert.Equal([Text(contact)], (await api.GetAsync("v1/contacts", a)).Ids());
    }

    [Fact]
    public async Task A_user_of_another_organization_cannot_own_a_contact()
    {
        await using var api = await FiveOrganizations.StartAsync();
        var b = await api.AdminTokenAsync(organization: api.Sandbox.Organizations[2]);

        (await api.PostAsync("v1/contacts", b, Bodies.Contact(owner: "jane-doe-lending2"))).ExpectRelationship("owner");
    }

    [Fact]
    public async Task A_seeded_survey_takes_responses_in_its_organization_only()
    {
        await using var api = await FiveOrganizations.StartAsync();
        var (second, third) = (api.Sandbox.Organizations[1], api.Sandbox.Organizations[2]);
        var survey = second.Surveys[0];
        var a = await api.AdminTokenAsync(organization: second);
        var b = await api.AdminTokenAsync(organization: third);
        var contactOfA = await api.CreateAsync("v1/contacts", a, Bodies.Contact(owner: "jane-doe-lending2"));
        var contactOfB = await api.CreateAsync("v1/contacts", b, Bodies.Contact(owner: "jane-doe-lending3"));

        (await api.PostAsync("v1/contact-survey-responses", a, Response(survey, contactOfA, "jane-doe-lending2"))).Expect(201);
        (await api.PostAsync("v1/contact-survey-responses", b, Response(survey, contactOfB, "jane-doe-lending3"))).ExpectRelationship("survey");
    }

    private static string Text(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static JsonObject Response(SandboxSurvey survey, long contact, string owner) => new()
    {
        ["survey"] = Bodies.Ref("id", survey.Id),
        ["contact"] = Bodies.Ref("id", contact),
        ["owner"] = Bodies.Ref("username", owner),
        ["question_responses"] = new JsonArray(
            new JsonObject { ["question"] = Bodies.Ref("id", survey.Questions[0].Id), ["response_value"] = "Within 3 months" },
            new JsonObject { ["question"] = Bodies.Ref("id", survey.Questions[1].Id), ["response_value"] = "450000" }),
    };
}
