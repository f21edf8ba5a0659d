using System.Text.Json.Nodes;
using TeGen.Sandbox.Tests.Support;

namespace TeGen.Sandbox.Tests.Resources;

public sealed class ComplianceTests
{
    [Fact]
    public async Task The_organization_has_sending_domains_channels_and_wlp_access_types_to_read()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.UserTokenAsync();

        Assert.Equal("mail.acme.example", Assert.Single((await api.GetAsync("v1/email-domains", token)).Expect(200).Items)!["domain"]!.GetValue<string>());
        Assert.Equal(["email", "sms", "phone"], (await api.GetAsync("v1/channels", token)).Items.Select(item => item!["system_name"]!.GetValue<string>()));
        Assert.Equal("limited", Assert.Single((await api.GetAsync("v1/wlp-access-types?filter=access_type=limited", token)).Items)!["access_type"]!.GetValue<string>());
        (await api.PostAsync("v1/channels", token, new JsonObject { ["system_name"] = "fax" })).Expect(405);
    }

    [Fact]
    public async Task An_address_is_unsubscribed_once_and_a_second_create_adds_and_removes_users_and_domains()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        var domain = (await api.GetAsync("v1/email-domains", token)).Items[0]!["id"]!.GetValue<long>();

        (await api.PostAsync("v1/email-unsubscribes", token, new JsonObject { ["organization_wide"] = true })).ExpectError(422, "'email'");
        (await api.PostAsync("v1/email-unsubscribes", token, new JsonObject { ["email"] = "a@example.test", ["domains"] = new JsonArray(Bodies.Ref("domain", "mail.other.example")) })).ExpectRelationship("domains");
        var id = await api.CreateAsync("v1/email-unsubscribes", token, new JsonObject
        {
            ["email"] = "ann.lee@example.test",
            ["users"] = new JsonArray(Bodies.Ref("username", "jane-doe-acme"), Bodies.Ref("email", "john.smith@acme.example")),
        });
        var again = (await api.PostAsync("v1/email-unsubscribes", token, new JsonObject
        {
            ["email"] = "Ann.Lee@example.test",
            ["domains"] = new JsonArray(Bodies.Ref("id", domain)),
            ["remove_users"] = new JsonArray(Bodies.Ref("id", 102)),
        })).Expect(200);

        Assert.Equal(id, again.Id);
        var unsubscribe = (await api.GetAsync($"v1/email-unsubscribes/{id}", token)).Expect(200).Object;
        Assert.Equal([101L], unsubscribe["users"]!.AsArray().Select(user => user!["id"]!.GetValue<long>()));
        Assert.Equal("mail.acme.example", unsubscribe["domains"]![0]!["domain"]!.GetValue<string>());
        Assert.False(unsubscribe["organization_wide"]!.GetValue<bool>());
        Assert.False(unsubscribe.ContainsKey("remove_users"));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$", unsubscribe["created_at"]!.GetValue<string>());
        Assert.Single((await api.GetAsync("v1/email-unsubscribes?filter=email=ann.lee@example.test", token)).Items);
    }

    [Fact]
    public async Task Sms_opt_in_needs_a_user_not_named_by_email_and_the_status_opted_in_and_a_number_te_can_convert()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        JsonObject OptIn(string phone = "(612) 555-0123", string status = "OPTED_IN") =>
            new() { ["phone_number"] = phone, ["user"] = Bodies.Ref("id", 101), ["status"] = status };

        (await api.PostAsync("v1/sms/opt-in", token, OptIn().Without("user"))).ExpectError(422, "'user'");
        (await api.PostAsync("v1/sms/opt-in", token, OptIn().With("user", Bodies.Ref("email", "jane.doe@acme.example")))).ExpectError(422, "user");
        (await api.PostAsync("v1/sms/opt-in", token, OptIn(status: "OPTED_OUT"))).ExpectError(422, "'status'");
        (await api.PostAsync("v1/sms/opt-in", token, OptIn(phone: "555-0123"))).ExpectError(422, "'phone_number'");
        var optedIn = (await api.PostAsync("v1/sms/opt-in", token, OptIn())).Expect(200).Object;
        var optedOut = (await api.PostAsync("v1/sms/opt-out", token, new JsonObject { ["phone_number"] = "612.555.0123" })).Expect(200).Object;

        Assert.Equal(("+16125550123", "OPTED_IN"), (optedIn["phone_number"]!.GetValue<string>(), optedIn["status"]!.GetValue<string>()));
        Assert.Equal("OPTED_OUT", optedOut["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Options_turn_off_unsubscribe_deduplication_and_the_refusal_of_numbers_te_cannot_convert()
    {
        await using var api = await TestApi.StartAsync(options =>
        {
            options.DeduplicateEmailUnsubscribes = false;
            options.RefuseUnconvertibleSmsNumbers = false;
        });
        var token = await api.AdminTokenAsync();
        var unsubscribe = new JsonObject { ["email"] = "ann.lee@example.test" };

        var first = await api.CreateAsync("v1/email-unsubscribes", token, unsubscribe);
        var second = await api.CreateAsync("v1/email-unsubscribes", token, unsubscribe);
        var optedOut = (await api.PostAsync("v1/sms/opt-out", token, new JsonObject { ["phone_number"] = "555-0123" })).Expect(200).Object;

        Assert.NotEqual(first, second);
        Assert.Equal("555-0123", optedOut["phone_number"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_activity_feed_records_touches_unsubscribes_and_sms_consent_and_is_read_only()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        var contact = await api.CreateAsync("v1/contacts", token, Bodies.Contact());
        var campaign = (await api.PostAsync("v1/campaigns", token, new JsonObject { ["name"] = "Welcome" })).Expect(201).HexId;
        await api.CreateAsync("v1/campaign-activity", token, new JsonObject
        {
            ["campaign"] = Bodies.Ref("id", campaign), ["contact"] = Bodies.Ref("id", contact), ["owner"] = Bodies.Ref("id", 101),
        });
        await api.CreateAsync("v1/email-unsubscribes", token, new JsonObject { ["email"] = "ann.lee@example.test" });
        (await api.PostAsync("v1/sms/opt-out", token, new JsonObject { ["phone_number"] = "6125550123" })).Expect(200);

        var feed = (await api.GetAsync("v1/activity?page[size]=2", token)).Expect(200);
        Assert.Equal(2, feed.Links["last"]!.GetValue<int>());
        Assert.Equal(["campaign_touch", "email_unsubscribed", "sms_opted_out"],
            (await api.GetAsync("v1/activity", token)).Items.Select(item => item!["activity_type"]!.GetValue<string>()));
        var touch = Assert.Single((await api.GetAsync($"v1/activity?filter=contact_id={contact}", token)).Items)!;
        Assert.Equal("Welcome", (await api.GetAsync($"v1/activity/{touch["id"]}", token)).Expect(200).Object["description"]!.GetValue<string>().Split('\'')[1]);
        (await api.PostAsync("v1/activity", token, new JsonObject { ["activity_type"] = "x" })).Expect(405);
    }
}
