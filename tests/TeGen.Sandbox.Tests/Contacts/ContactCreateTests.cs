using System.Text.Json.Nodes;
using TeGen.Sandbox.Tests.Support;

namespace TeGen.Sandbox.Tests.Contacts;

public sealed class ContactCreateTests
{
    [Fact]
    public async Task A_new_contact_gets_201_with_a_created_link_on_the_request_host()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();

        var reply = (await api.PostAsync("v1/contacts", token, Bodies.Contact())).Expect(201);

        Assert.Equal($"{api.Sandbox.BaseUrl.Authority}/v1/contacts/{reply.Id}", reply.Text("created"));
        Assert.False(reply.Object.ContainsKey("duplicate"));
    }

    [Fact]
    public async Task The_link_host_is_configurable()
    {
        await using var api = await TestApi.StartAsync(options => options.LinkHost = "public.totalexpert.net");
        var token = await api.AdminTokenAsync();

        var reply = (await api.PostAsync("v1/contacts", token, Bodies.Contact())).Expect(201);

        Assert.Equal($"public.totalexpert.net/v1/contacts/{reply.Id}", reply.Text("created"));
    }

    [Theory]
    [InlineData("source")]
    [InlineData("first_name")]
    [InlineData("last_name")]
    public async Task A_missing_required_field_is_named_in_a_422(string field)
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();

        (await api.PostAsync("v1/contacts", token, Bodies.Contact().Without(field))).ExpectError(422, $"'{field}'");
        (await api.PostAsync("v1/contacts", token, Bodies.Contact().With(field, "  "))).ExpectError(422, $"'{field}'");
        Assert.Empty(api.Sandbox.Inspector.GetState().Contacts);
    }

    [Fact]
    public async Task A_contact_without_email_phone_or_full_address_is_refused()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();

        (await api.PostAsync("v1/contacts", token, Bodies.Contact(email: null))).ExpectError(422, "'email'");
        (await api.PostAsync("v1/contacts", token, Bodies.Contact(email: null).With("address", "1 Main St").With("city", "Minneapolis").With("state", "MN")))
            .ExpectError(422, "'zip_code'");
    }

    [Theory]
    [InlineData("phone_cell")]
    [InlineData("phone_home")]
    [InlineData("phone_office")]
    public async Task One_phone_is_enough_contact_detail(string phone)
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();

        (await api.PostAsync("v1/contacts", token, Bodies.Contact(email: null).With(phone, "(612) 555-0100"))).Expect(201);
    }

    [Fact]
    public async Task A_full_address_is_enough_contact_detail()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        var body = Bodies.Contact(email: null).With("address", "1 Main St").With("city", "Minneapolis").With("state", "MN").With("zip_code", "55401");

        (await api.PostAsync("v1/contacts", token, body)).Expect(201);
    }

    [Fact]
    public async Task The_status_of_a_validation_error_is_an_option()
    {
        await using var api = await TestApi.StartAsync(options => options.ValidationErrorStatus = 400);
        var token = await api.AdminTokenAsync();

        (await api.PostAsync("v1/contacts", token, Bodies.Contact().Without("source"))).ExpectError(400, "'source'");
    }

    [Fact]
    public async Task As_admin_the_owner_is_required()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();

        (await api.PostAsync("v1/contacts", token, Bodies.Contact(owner: null))).ExpectError(422, "'owner'");
    }

    [Theory]
    [InlineData("id", 102)]
    [InlineData("id", "102")]
    [InlineData("email", "john.smith@acme.example")]
    [InlineData("username", "john-smith-acme")]
    [InlineData("external_id", "EMP-1002")]
    public async Task The_owner_is_resolved_by_id_email_username_or_external_id(string key, object value)
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        var owner = new JsonObject { [key] = System.Text.Json.JsonSerializer.SerializeToNode(value) };

        var id = await api.CreateAsync("v1/contacts", token, Bodies.Contact().With("owner", owner));

        var contact = (await api.GetAsync($"v1/contacts/{id}", token)).Expect(200);
        Assert.Equal(
            """{"email":"john.smith@acme.example","external_id":"EMP-1002","id":102,"username":"john-smith-acme"}""",
            contact.Json!["owner"]!.ToJsonString());
    }

    [Theory]
    [InlineData("""{"username":"nobody"}""")]
    [InlineData("""{"id":999}""")]
    [InlineData("""{"id":101,"username":"john-smith-acme"}""")]
    [InlineData("""{"name":"Jane"}""")]
    public async Task An_owner_that_names_no_single_user_gets_the_relationship_error(string owner)
    {
        // Lenient: a member the reference does not define is ignored, so it names nobody (strict mode would refuse it).
        await using var api = await TestApi.StartAsync(options => options.StrictRequestMembers = false);
        var token = await api.AdminTokenAsync();

        var reply = await api.PostAsync("v1/contacts", token, Bodies.Contact().With("owner", JsonNode.Parse(owner)));

        reply.ExpectRelationship("owner");
        Assert.Equal("""{"error":"Unable to find target for relationship: 'owner'"}""", reply.Body);
    }

    [Fact]
    public async Task Owners_in_another_organization_are_not_found()
    {
        await using var api = await TestApi.StartAsync(options => options.Organizations.Add(Auth.AuthorizationCodeTests.SecondOrganization()));
        var token = await api.AdminTokenAsync();

        (await api.PostAsync("v1/contacts", token, Bodies.Contact(owner: "bob-beta-beta"))).ExpectRelationship("owner");
    }

    [Fact]
    public async Task As_user_the_contact_belongs_to_the_user_whatever_owner_is_sent()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.UserTokenAsync("maria-garcia-acme");

        await api.CreateAsync("v1/contacts", token, Bodies.Contact(owner: "john-smith-acme"));

        Assert.Equal(103, Assert.Single(api.Sandbox.Inspector.GetState().Contacts).OwnerId);
    }

    [Fact]
    public async Task Required_groups_must_be_named_on_create()
    {
        await using var api = await TestApi.StartAsync(options => options.Organizations[0].RequiredContactGroups.Add("Active Lead"));
        var token = await api.AdminTokenAsync();
        await api.CreateAsync("v1/contact-groups", token, new JsonObject { ["group_name"] = "Active Lead", ["owner"] = Bodies.Ref("id", 101) });

        var refused = await api.PostAsync("v1/contacts", token, Bodies.Contact());
        var created = await api.PostAsync("v1/contacts", token, Bodies.Contact().With("contact_groups", new JsonArray(Bodies.Ref("group_name", "active lead"))));

        refused.ExpectError(422, "Missing required contact group: 'Active Lead'");
        created.Expect(201);
    }

    [Fact]
    public async Task The_status_of_a_missing_required_group_is_an_option()
    {
        await using var api = await TestApi.StartAsync(options =>
        {
            options.Organizations[0].RequiredContactGroups.Add("Active Lead");
            options.RequiredGroupErrorStatus = 400;
        });
        var token = await api.AdminTokenAsync();

        (await api.PostAsync("v1/contacts", token, Bodies.Contact())).ExpectError(400, "'Active Lead'");
    }

    [Fact]
    public async Task Without_required_groups_none_are_needed()
    {
        Assert.Empty(SandboxOrganization.AcmeLending().RequiredContactGroups);
        await using var api = await TestApi.StartAsync();

        (await api.PostAsync("v1/contacts", await api.AdminTokenAsync(), Bodies.Contact())).Expect(201);
    }

    [Fact]
    public async Task A_group_the_owner_lacks_is_a_relationship_error_unless_missing_groups_are_created()
    {
        await using var strict = await TestApi.StartAsync();
        await using var lenient = await TestApi.StartAsync(options => options.CreateMissingContactGroups = true);
        JsonObject Body() => Bodies.Contact().With("contact_groups", new JsonArray(Bodies.Ref("group_name", "Referral")));

        (await strict.PostAsync("v1/contacts", await strict.AdminTokenAsync(), Body())).ExpectRelationship("contact_groups");
        await lenient.CreateAsync("v1/contacts", await lenient.AdminTokenAsync(), Body());

        var group = Assert.Single(lenient.Sandbox.Inspector.GetState().ContactGroups);
        Assert.Equal(("Referral", 101L), (group["group_name"], group.OwnerId));
        Assert.Equal(group.Id, Assert.Single(lenient.Sandbox.Inspector.GetState().Contacts)
            .Json["contact_groups"]![0]!["id"]!.ToJsonString());
    }
}
