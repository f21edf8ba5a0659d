using System.Text.Json.Nodes;
using TeGen.Sandbox.Tests.Support;

namespace TeGen.Sandbox.Tests.Resources;

public sealed class LendingLookupTests
{
    [Theory]
    [InlineData("v1/loan-types", "loan_type")]
    [InlineData("v1/loan-statuses", "loan_status")]
    [InlineData("v1/loan-purposes", "loan_purpose")]
    [InlineData("v1/loan-programs", "loan_program")]
    [InlineData("v1/account-types", "account_type")]
    [InlineData("v1/account-statuses", "account_status")]
    public async Task A_lookup_is_unique_by_its_name_so_a_repeated_create_answers_the_existing_one_as_a_duplicate(string path, string name)
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        var id = await api.CreateAsync(path, token, new JsonObject { [name] = "Conventional" });

        var again = (await api.PostAsync(path, token, new JsonObject { [name] = "CONVENTIONAL", ["account_class"] = Bodies.Ref("class_name", "Home Equity") })).Expect(200);
        var other = await api.CreateAsync(path, token, new JsonObject { [name] = "FHA" });

        Assert.Equal(id, again.Id);
        Assert.EndsWith($"/{path}/{id}", again.Text("duplicate"), StringComparison.Ordinal);
        Assert.NotEqual(id, other);
        var stored = (await api.GetAsync($"{path}/{id}", token)).Expect(200).Object;
        Assert.Equal("CONVENTIONAL", stored[name]!.GetValue<string>()); // TE applies a duplicate create as an update
        Assert.Equal("Home Equity", stored["account_class"]!["class_name"]!.GetValue<string>());
        Assert.Equal(2, (await api.GetAsync($"{path}?page[size]=1", token)).Expect(200).Links["last"]!.GetValue<int>());
        (await api.PostAsync(path, token, new JsonObject())).ExpectError(422, $"'{name}'");
    }

    [Fact]
    public async Task A_loan_lookup_without_a_class_is_a_mortgage_one_unless_the_option_says_otherwise()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        var loanType = await api.CreateAsync("v1/loan-types", token, new JsonObject { ["loan_type"] = "Conventional" });
        var accountType = await api.CreateAsync("v1/account-types", token, new JsonObject { ["account_type"] = "Checking" });

        var mortgage = (await api.GetAsync($"v1/loan-types/{loanType}", token)).Expect(200).Object["account_class"]!;
        Assert.Equal(("Mortgage", "LOAN"), (mortgage["class_name"]!.GetValue<string>(), mortgage["class_type"]!.GetValue<string>()));
        Assert.Null((await api.GetAsync($"v1/account-types/{accountType}", token)).Object["account_class"]);
        Assert.Single((await api.GetAsync("v1/loan-types?filter=account_class_name=Mortgage", token)).Items);

        await using var unset = await TestApi.StartAsync(options => options.LoanLookupDefaultAccountClass = null);
        var unsetToken = await unset.AdminTokenAsync();
        var plain = await unset.CreateAsync("v1/loan-programs", unsetToken, new JsonObject { ["loan_program"] = "FHA 30" });
        Assert.Null((await unset.GetAsync($"v1/loan-programs/{plain}", unsetToken)).Object["account_class"]);
    }

    [Fact]
    public async Task An_account_class_is_named_by_id_or_name_and_an_unknown_one_is_refused()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        var classes = (await api.GetAsync("v1/account-classifications", token)).Expect(200).Items;
        var deposit = classes.Single(c => c!["class_name"]!.GetValue<string>() == "Deposit")!;

        var byId = await api.CreateAsync("v1/account-statuses", token, new JsonObject { ["account_status"] = "Open", ["account_class"] = Bodies.Ref("id", deposit["id"]!.GetValue<long>()) });

        Assert.Equal(["Mortgage", "Home Equity", "Deposit"], classes.Select(c => c!["class_name"]!.GetValue<string>()));
        Assert.Equal("ACCOUNT", (await api.GetAsync($"v1/account-statuses/{byId}", token)).Object["account_class"]!["class_type"]!.GetValue<string>());
        (await api.PostAsync("v1/account-statuses", token, new JsonObject { ["account_status"] = "Closed", ["account_class"] = Bodies.Ref("class_name", "Boats") }))
            .ExpectRelationship("account_class");
        (await api.PostAsync("v1/account-classifications", token, new JsonObject { ["class_name"] = "Boats" })).Expect(405);
    }

    [Fact]
    public async Task An_update_changes_a_lookup_but_may_not_take_another_ones_name()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        var checking = await api.CreateAsync("v1/account-types", token, new JsonObject { ["account_type"] = "Checking" });
        await api.CreateAsync("v1/account-types", token, new JsonObject { ["account_type"] = "Savings" });

        Assert.Equal("[]", (await api.PatchAsync($"v1/account-types/{checking}", token, new JsonObject { ["account_type"] = "Checking Plus" })).Expect(200).Body);
        (await api.PatchAsync($"v1/account-types/{checking}", token, new JsonObject { ["account_type"] = "savings" })).ExpectError(422, "'account_type'");

        Assert.Equal("Checking Plus", (await api.GetAsync($"v1/account-types/{checking}", token)).Object["account_type"]!.GetValue<string>());
        (await api.PatchAsync($"v1/loan-types/{checking}", token, new JsonObject { ["loan_type"] = "x" })).Expect(405);
    }

    [Fact]
    public async Task Lookups_are_per_organization_and_users_read_them_too()
    {
        await using var api = await TestApi.StartAsync(options => options.Organizations = SandboxOrganization.Many(2));
        var acme = await api.AdminTokenAsync();
        var second = await api.AdminTokenAsync(organization: api.Sandbox.Organizations[1]);
        var id = await api.CreateAsync("v1/loan-statuses", acme, new JsonObject { ["loan_status"] = "Funded" });

        (await api.GetAsync($"v1/loan-statuses/{id}", second)).Expect(404);
        Assert.Equal(201, (await api.PostAsync("v1/loan-statuses", second, new JsonObject { ["loan_status"] = "Funded" })).Status);
        Assert.Single((await api.GetAsync("v1/loan-statuses", await api.UserTokenAsync())).Expect(200).Items);
    }

    [Fact]
    public async Task The_participant_role_schema_lists_the_seeded_roles_to_admins_only()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();

        var roles = (await api.GetAsync("v1/schema/participant-roles?page[size]=100", token)).Expect(200).Items;
        var required = Assert.Single((await api.GetAsync("v1/schema/participant-roles?filter=required=1", token)).Items)!;
        var agents = (await api.GetAsync("v1/schema/participant-roles?filter=role_type_name=Agent,account_class_name=Mortgage", token)).Items;

        Assert.Equal(6, roles.Count);
        Assert.Equal("borrower", required["system_name"]!.GetValue<string>());
        Assert.Equal(4, agents.Count);
        Assert.True(required["role_type"]!["discrete"]!.GetValue<bool>());
        (await api.GetAsync("v1/schema/participant-roles", await api.UserTokenAsync())).Expect(403);
    }
}
