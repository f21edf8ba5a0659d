using System.Text.Json.Nodes;
using TeGen.Sandbox.Tests.Support;

namespace TeGen.Sandbox.Tests.Resources;

public sealed class ContactByFieldsTests
{
    private static readonly JsonObject Consent = JsonNode.Parse("""
        {"communication_agent":"agentic-a-i","communication_channel":"phone","channel_target":"+16125551212",
         "contact_purpose":"marketing","capture_source":"web form","consent_language":"You may call me.","ip_address":"1.1.1.1"}
        """)!.AsObject();

    private static JsonObject Named(string member, string first = "Ann", string email = "ann.lee@example.test") => new()
    {
        ["first_name"] = first,
        ["last_name"] = "Lee",
        ["email"] = email,
        [member] = Consent.DeepClone(),
    };

    [Fact]
    public async Task A_patch_without_id_names_the_contact_by_its_fields_and_grants_then_revokes_consent()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        var id = await api.CreateAsync("v1/contacts", token, Bodies.Contact());

        (await api.PatchAsync("v1/contacts", token, Named("revoke_consent"))).ExpectError(422, "never granted");
        (await api.PatchAsync("v1/contacts", token, Named("grant_consent", email: "someone@example.test"))).Expect(404);
        Assert.Equal("[]", (await api.PatchAsync("v1/contacts", token, Named("grant_consent").With("nickname", "Annie"))).Expect(200).Body);
        (await api.PatchAsync("v1/contacts", token, new JsonObject { ["id"] = id, ["revoke_consent"] = Consent.DeepClone() })).Expect(200);

        Assert.Equal("Annie", (await api.GetAsync($"v1/contacts/{id}", token)).Object["nickname"]!.GetValue<string>());
        Assert.Equal(["consent_granted", "consent_revoked"], (await api.GetAsync($"v1/activity?filter=contact_id={id}", token)).Items.Select(item => item!["activity_type"]!.GetValue<string>()));
    }

    [Fact]
    public async Task As_admin_fields_matching_contacts_of_two_owners_need_the_owner_and_a_user_reaches_only_their_own()
    {
        await using var api = await TestApi.StartAsync();
        var admin = await api.AdminTokenAsync();
        await api.CreateAsync("v1/contacts", admin, Bodies.Contact());
        var johns = await api.CreateAsync("v1/contacts", admin, Bodies.Contact(owner: "john-smith-acme"));

        (await api.PatchAsync("v1/contacts", admin, Named("grant_consent"))).ExpectError(422, "'owner'");
        (await api.PatchAsync("v1/contacts", admin, Named("grant_consent").With("owner", Bodies.Ref("username", "john-smith-acme")))).Expect(200);
        Assert.Single((await api.GetAsync($"v1/activity?filter=contact_id={johns}", admin)).Items);

        var jane = await api.UserTokenAsync();
        (await api.PatchAsync("v1/contacts", jane, Named("grant_consent"))).Expect(200);
        (await api.PatchAsync("v1/contacts", jane, new JsonObject { ["id"] = johns, ["nickname"] = "x" })).Expect(404);
    }
}
