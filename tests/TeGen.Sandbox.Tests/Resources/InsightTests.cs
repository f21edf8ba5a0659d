using System.Text.Json.Nodes;
using TeGen.Sandbox.Tests.Support;

namespace TeGen.Sandbox.Tests.Resources;

public sealed class InsightTests
{
    private const string Submitted = "Acme Lending: Loan application submitted";

    private static JsonObject Insight(long contact, JsonNode type, JsonNode? owner) => new()
    {
        ["contact"] = Bodies.Ref("id", contact),
        ["type"] = type,
        ["owner"] = owner,
        ["data"] = JsonNode.Parse("""{"description":"Applied for a 30-year fixed","amount":350000}"""),
        ["insight_date"] = "2030-04-12 12:34:56",
    };

    [Fact]
    public async Task Insight_types_are_seeded_with_the_organization_prefix_and_filterable()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();

        var all = (await api.GetAsync("v1/insight-types", token)).Expect(200).Items;
        var one = (await api.GetAsync($"v1/insight-types?filter=type={Uri.EscapeDataString(Submitted)}", token)).Expect(200).Items;

        Assert.Equal(3, all.Count);
        Assert.All(all, type => Assert.StartsWith("Acme Lending: ", type!["type"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.Equal(1, Assert.Single(one)!["id"]!.GetValue<long>());
        Assert.NotNull(one[0]!["expiration_interval"]);
    }

    [Fact]
    public async Task An_insight_is_created_by_type_name_and_read_back()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        var contact = await api.CreateAsync("v1/contacts", token, Bodies.Contact());

        var id = await api.CreateAsync("v1/insights", token, Insight(contact, Bodies.Ref("type", Submitted), Bodies.Ref("username", "jane-doe-acme")));
        var insight = (await api.GetAsync($"v1/insights/{id}", token)).Expect(200).Object;

        Assert.Equal($$"""{"id":1,"type":"{{Submitted}}"}""", insight["type"]!.ToJsonString());
        Assert.Equal($$"""{"id":{{contact}}}""", insight["contact"]!.ToJsonString());
        Assert.Equal("2030-04-12 12:34:56", insight["insight_date"]!.GetValue<string>());
        Assert.Equal(350000, insight["data"]!["amount"]!.GetValue<int>());
        Assert.Equal(101, insight["owner"]!["id"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("""{"id":2}""", 201)]
    [InlineData("""{"type":"Acme Lending: Mobile app downloaded"}""", 201)]
    [InlineData("""{"type":"Acme Lending: Unknown event"}""", 422)]
    [InlineData("""{"id":99}""", 422)]
    [InlineData("""{"id":1,"type":"Acme Lending: Mobile app downloaded"}""", 422)]
    public async Task The_type_must_be_a_seeded_insight_type(string type, int status)
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        var contact = await api.CreateAsync("v1/contacts", token, Bodies.Contact());

        var reply = (await api.PostAsync("v1/insights", token, Insight(contact, JsonNode.Parse(type)!, Bodies.Ref("id", 101)))).Expect(status);

        if (status == 422)
        {
            reply.ExpectRelationship("type");
        }
    }

    [Theory]
    [InlineData("id", 102, 201)]
    [InlineData("username", "john-smith-acme", 201)]
    [InlineData("external_id", "EMP-1002", 201)]
    [InlineData("email", "john.smith@acme.example", 422)]
    public async Task The_owner_is_named_by_id_username_or_external_id_but_not_email(string key, object value, int status)
    {
        // Lenient: a member the reference does not define is ignored, so it names nobody (strict mode would refuse it).
        await using var api = await TestApi.StartAsync(options => options.StrictRequestMembers = false);
        var token = await api.AdminTokenAsync();
        var contact = await api.CreateAsync("v1/contacts", token, Bodies.Contact());
        var owner = new JsonObject { [key] = System.Text.Json.JsonSerializer.SerializeToNode(value) };

        var reply = (await api.PostAsync("v1/insights", token, Insight(contact, Bodies.Ref("id", 1), owner))).Expect(status);

        if (status == 422)
        {
            reply.ExpectRelationship("owner");
        }
    }

    [Fact]
    public async Task As_admin_the_owner_is_required_and_as_user_it_is_not()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        var contact = await api.CreateAsync("v1/contacts", token, Bodies.Contact());

        (await api.PostAsync("v1/insights", token, Insight(contact, Bodies.Ref("id", 1), null).Without("owner"))).ExpectError(422, "'owner'");
        (await api.PostAsync("v1/insights", await api.UserTokenAsync(), Insight(contact, Bodies.Ref("id", 1), null).Without("owner"))).Expect(201);
    }

    [Fact]
    public async Task The_contact_must_exist_and_contact_and_type_are_required()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        var contact = await api.CreateAsync("v1/contacts", token, Bodies.Contact());

        (await api.PostAsync("v1/insights", token, Insight(999, Bodies.Ref("id", 1), Bodies.Ref("id", 101)))).ExpectRelationship("contact");
        (await api.PostAsync("v1/insights", token, Insight(contact, Bodies.Ref("id", 1), Bodies.Ref("id", 101)).Without("type"))).ExpectError(422, "'type'");
        (await api.PostAsync("v1/insights", token, Insight(contact, Bodies.Ref("id", 1), Bodies.Ref("id", 101)).Without("contact"))).ExpectError(422, "'contact'");
    }

    [Fact]
    public async Task Insights_are_filterable_by_type_contact_and_owner()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        var contact = await api.CreateAsync("v1/contacts", token, Bodies.Contact());
        await api.CreateAsync("v1/insights", token, Insight(contact, Bodies.Ref("id", 1), Bodies.Ref("id", 101)));
        var second = await api.CreateAsync("v1/insights", token, Insight(contact, Bodies.Ref("id", 2), Bodies.Ref("id", 102)));

        Assert.Equal(second, Assert.Single((await api.GetAsync("v1/insights?filter=type_id=2", token)).Expect(200).Items)!["id"]!.GetValue<long>());
        Assert.Equal(second, Assert.Single((await api.GetAsync("v1/insights?filter=owner_email=john.smith@acme.example", token)).Items)!["id"]!.GetValue<long>());
        Assert.Equal(2, (await api.GetAsync($"v1/insights?filter=contact_id={contact}", token)).Items.Count);
    }
}
