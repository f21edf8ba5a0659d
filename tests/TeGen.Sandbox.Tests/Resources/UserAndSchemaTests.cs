using TeGen.Sandbox.Tests.Support;

namespace TeGen.Sandbox.Tests.Resources;

public sealed class UserAndSchemaTests
{
    [Fact]
    public async Task An_admin_lists_and_reads_the_organizations_users()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();

        var users = (await api.GetAsync("v1/users", token)).Expect(200).Items;
        var jane = (await api.GetAsync("v1/users/101", token)).Expect(200).Object;

        Assert.Equal(["jane-doe-acme", "john-smith-acme", "maria-garcia-acme"], users.Select(user => user!["username"]!.GetValue<string>()));
        Assert.Equal(("jane.doe@acme.example", "EMP-1001", "Jane"), (jane["email"]!.GetValue<string>(), jane["external_id"]!.GetValue<string>(), jane["info"]!["first_name"]!.GetValue<string>()));
        Assert.Equal(1, Assert.Single((await api.GetAsync("v1/users?filter=external_id=EMP-1002", token)).Items)!["status"]!.GetValue<int>());
        (await api.GetAsync("v1/users/999", token)).Expect(404);
    }

    [Theory]
    [InlineData("v1/users")]
    [InlineData("v1/users/101")]
    [InlineData("v1/schema/custom-fields")]
    public async Task User_tokens_get_403_on_admin_only_resources(string path)
    {
        await using var api = await TestApi.StartAsync();

        Assert.NotNull((await api.GetAsync(path, await api.UserTokenAsync())).Expect(403).Error);
    }

    [Theory]
    [InlineData("v1/users", "leadInteraction")]
    [InlineData("v1/schema/custom-fields", "getUsers")]
    [InlineData("v1/contact-surveys", "leadInteraction")]
    [InlineData("v1/contacts", "leadSurveyInteraction")]
    public async Task A_token_without_the_resources_scope_gets_insufficient_scope(string path, string scope)
    {
        await using var api = await TestApi.StartAsync();

        (await api.GetAsync(path, await api.AdminTokenAsync(scope))).ExpectError(401, "insufficient_scope");
    }

    [Fact]
    public async Task Scope_checks_can_be_switched_off()
    {
        await using var api = await TestApi.StartAsync(options => options.RequiredScopes.Clear());

        (await api.GetAsync("v1/users", await api.AdminTokenAsync("leadInteraction"))).Expect(200);
    }

    [Fact]
    public async Task The_custom_field_schema_lists_the_seeded_definitions()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();

        var fields = (await api.GetAsync("v1/schema/custom-fields", token)).Expect(200).Items;
        var one = (await api.GetAsync("v1/schema/custom-fields?filter=system_name=first_time_buyer", token)).Items;

        Assert.Equal(4, fields.Count);
        Assert.Equal("boolean", Assert.Single(one)!["data_type"]!.GetValue<string>());
        Assert.Equal("contact", one[0]!["related_entity"]!["entity_type"]!.GetValue<string>());
        Assert.Equal(4, (await api.GetAsync("v1/schema/custom-fields?filter=related_entity_type=contact", token)).Items.Count);
    }
}
