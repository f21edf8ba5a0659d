using System.Text.Json.Nodes;
using TeGen.Sandbox.Tests.Support;

namespace TeGen.Sandbox.Tests.Resources;

public sealed class AccountTests
{
    [Fact]
    public async Task An_account_names_its_holder_and_lookups_by_id_or_name_and_shows_their_current_names()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        var contact = await api.CreateAsync("v1/contacts", token, Bodies.Contact());
        var checking = await api.CreateAsync("v1/account-types", token, new JsonObject { ["account_type"] = "Checking" });
        await api.CreateAsync("v1/account-statuses", token, new JsonObject { ["account_status"] = "Open" });

        var id = await api.CreateAsync("v1/accounts", token, new JsonObject
        {
            ["primary_account_holder"] = Bodies.Ref("id", contact),
            ["account_type"] = Bodies.Ref("id", checking),
            ["account_status"] = Bodies.Ref("account_status", "open"),
            ["account_class"] = Bodies.Ref("class_name", "Deposit"),
        });
        await api.PatchAsync($"v1/account-types/{checking}", token, new JsonObject { ["account_type"] = "Premium Checking" });

        var account = (await api.GetAsync($"v1/accounts/{id}", token)).Expect(200).Object;
        Assert.Equal(contact, account["primary_account_holder"]!["id"]!.GetValue<long>());
        Assert.Equal("Premium Checking", account["account_type"]!["account_type"]!.GetValue<string>());
        Assert.Equal("Open", account["account_status"]!["account_status"]!.GetValue<string>());
        Assert.Equal("ACCOUNT", account["account_class"]!["class_type"]!.GetValue<string>());
        Assert.Single((await api.GetAsync("v1/accounts?filter=account_type=Premium Checking,account_class_name=Deposit", token)).Items);
    }

    [Fact]
    public async Task Unknown_relationships_and_a_missing_holder_are_refused()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        var holder = Bodies.Ref("id", await api.CreateAsync("v1/contacts", token, Bodies.Contact()));

        (await api.PostAsync("v1/accounts", token, new JsonObject())).ExpectError(422, "'primary_account_holder'");
        (await api.PostAsync("v1/accounts", token, new JsonObject { ["primary_account_holder"] = Bodies.Ref("id", 999) })).ExpectRelationship("primary_account_holder");
        (await api.PostAsync("v1/accounts", token, new JsonObject { ["primary_account_holder"] = holder.DeepClone(), ["account_type"] = Bodies.Ref("account_type", "Boat") }))
            .ExpectRelationship("account_type");
        (await api.PostAsync("v1/accounts", token, new JsonObject { ["primary_account_holder"] = holder.DeepClone(), ["account_status"] = Bodies.Ref("id", 42) }))
            .ExpectRelationship("account_status");
    }

    [Fact]
    public async Task Accounts_are_never_deduplicated_and_an_update_answers_an_empty_array()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        var holder = Bodies.Ref("id", await api.CreateAsync("v1/contacts", token, Bodies.Contact()));
        var closed = await api.CreateAsync("v1/account-statuses", token, new JsonObject { ["account_status"] = "Closed" });

        var first = await api.CreateAsync("v1/accounts", token, new JsonObject { ["primary_account_holder"] = holder.DeepClone() });
        var second = await api.CreateAsync("v1/accounts", token, new JsonObject { ["primary_account_holder"] = holder.DeepClone() });
        var patched = (await api.PatchAsync($"v1/accounts/{first}", token, new JsonObject { ["account_status"] = Bodies.Ref("account_status", "Closed") })).Expect(200);

        Assert.NotEqual(first, second);
        Assert.Equal("[]", patched.Body);
        Assert.Equal(closed, (await api.GetAsync($"v1/accounts/{first}", token)).Object["account_status"]!["id"]!.GetValue<long>());
        (await api.DeleteAsync($"v1/accounts/{first}", token)).Expect(405);
        (await api.GetAsync("v1/accounts/999", token)).Expect(404);
    }
}
