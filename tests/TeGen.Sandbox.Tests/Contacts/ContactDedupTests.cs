using System.Text.Json.Nodes;
using TeGen.Sandbox.Tests.Support;

namespace TeGen.Sandbox.Tests.Contacts;

public sealed class ContactDedupTests
{
    [Fact]
    public async Task Step_1_an_external_id_pair_matches_whatever_the_names()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        var pair = """[{"source":"LOS","external_id":"L-77"}]""";
        var id = await api.CreateAsync("v1/contacts", token, Bodies.Contact().With("external_ids", JsonNode.Parse(pair)));

        var reply = await api.PostAsync("v1/contacts", token, Bodies.Contact("Zed", "Other", "zed@example.test").With("external_ids", JsonNode.Parse(pair)));

        AssertDuplicate(reply, id);
    }

    [Fact]
    public async Task Step_2_first_and_last_name_with_email_match_case_insensitively()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        var id = await api.CreateAsync("v1/contacts", token, Bodies.Contact());

        AssertDuplicate(await api.PostAsync("v1/contacts", token, Bodies.Contact("ANN", "lee", "Ann.Lee@Example.Test")), id);
    }

    [Fact]
    public async Task Step_3_first_and_last_name_with_the_full_address_match()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        JsonObject Addressed(string? email) => Bodies.Contact(email: email)
            .With("address", "1 Main St").With("city", "Minneapolis").With("state", "MN").With("zip_code", "55401");
        var id = await api.CreateAsync("v1/contacts", token, Addressed(null));

        AssertDuplicate(await api.PostAsync("v1/contacts", token, Addressed("new@example.test")), id);
        (await api.PostAsync("v1/contacts", token, Addressed(null).With("zip_code", "55402"))).Expect(201);
    }

    [Theory]
    [InlineData("phone_home")]
    [InlineData("phone_cell")]
    [InlineData("phone_office")]
    public async Task Steps_4_to_6_first_and_last_name_with_a_phone_match_on_digits_only(string phone)
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        var id = await api.CreateAsync("v1/contacts", token, Bodies.Contact(email: null).With(phone, "(612) 555-0123"));

        AssertDuplicate(await api.PostAsync("v1/contacts", token, Bodies.Contact(email: "other@example.test").With(phone, "612.555.0123")), id);

        // The same number in another phone field is a different key.
        var elsewhere = phone == "phone_cell" ? "phone_home" : "phone_cell";
        (await api.PostAsync("v1/contacts", token, Bodies.Contact(email: null).With(elsewhere, "6125550123"))).Expect(201);
    }

    [Fact]
    public async Task Phones_take_part_only_with_at_least_7_digits()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        await api.CreateAsync("v1/contacts", token, Bodies.Contact(email: null).With("phone_cell", "555-012"));
        var seven = await api.CreateAsync("v1/contacts", token, Bodies.Contact(email: null).With("phone_home", "555-0123"));

        (await api.PostAsync("v1/contacts", token, Bodies.Contact(email: null).With("phone_cell", "555 012"))).Expect(201);
        AssertDuplicate(await api.PostAsync("v1/contacts", token, Bodies.Contact(email: null).With("phone_home", "5550123")), seven);
    }

    [Fact]
    public async Task Another_name_with_the_same_email_is_a_new_contact()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        await api.CreateAsync("v1/contacts", token, Bodies.Contact());

        (await api.PostAsync("v1/contacts", token, Bodies.Contact(last: "Leigh"))).Expect(201);
    }

    [Fact]
    public async Task Deduplication_is_per_owner()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        await api.CreateAsync("v1/contacts", token, Bodies.Contact(owner: "jane-doe-acme"));

        (await api.PostAsync("v1/contacts", token, Bodies.Contact(owner: "john-smith-acme"))).Expect(201);
        Assert.Equal(2, api.Sandbox.Inspector.GetState().Contacts.Count);
    }

    [Fact]
    public async Task The_steps_apply_in_order_and_the_first_match_wins()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        var byPhone = await api.CreateAsync("v1/contacts", token, Bodies.Contact(email: null).With("phone_home", "612-555-0001"));
        var byEmail = await api.CreateAsync("v1/contacts", token, Bodies.Contact(email: "ann@example.test"));
        var byExternalId = await api.CreateAsync("v1/contacts", token, Bodies.Contact("Someone", "Else", "else@example.test")
            .With("external_ids", JsonNode.Parse("""[{"source":"LOS","external_id":"L-1"}]""")));

        // The email (step 2) beats the home phone (step 4), whatever the order of creation.
        AssertDuplicate(await api.PostAsync("v1/contacts", token, Bodies.Contact(email: "ann@example.test").With("phone_home", "6125550001")), byEmail);

        // The external id pair (step 1) beats both.
        AssertDuplicate(await api.PostAsync("v1/contacts", token, Bodies.Contact(email: "ann@example.test").With("phone_home", "6125550001")
            .With("external_ids", JsonNode.Parse("""[{"source":"LOS","external_id":"L-1"}]"""))), byExternalId);
        Assert.NotEqual(byPhone, byEmail);
    }

    [Fact]
    public async Task A_duplicate_post_is_applied_as_a_patch()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        var id = await api.CreateAsync("v1/contacts", token, Bodies.Contact().With("city", "Minneapolis"));

        AssertDuplicate(await api.PostAsync("v1/contacts", token, Bodies.Contact().With("nickname", "Annie")), id);

        var contact = Assert.Single(api.Sandbox.Inspector.GetState().Contacts);
        Assert.Equal(("Annie", "Minneapolis"), (contact["nickname"], contact["city"]));
    }

    private static void AssertDuplicate(Reply reply, long id)
    {
        reply.Expect(200);
        Assert.Equal(id, reply.Id);
        Assert.EndsWith($"/v1/contacts/{id}", reply.Text("duplicate"), StringComparison.Ordinal);
        Assert.False(reply.Object.ContainsKey("created"));
    }
}
