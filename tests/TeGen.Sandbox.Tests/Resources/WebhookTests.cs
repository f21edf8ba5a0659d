using System.Text.Json.Nodes;
using TeGen.Sandbox.Inspection;
using TeGen.Sandbox.Tests.Support;

namespace TeGen.Sandbox.Tests.Resources;

public sealed class WebhookTests
{
    private const string Secret = "0123456789abcdef0123456789abcdef";

    private static JsonObject Pair(string item, string action) => new() { ["item"] = item, ["action"] = action };

    private static JsonObject Subscription(string url, string secret = Secret, params JsonObject[] actions) => new()
    {
        ["url"] = url,
        ["secret"] = secret,
        ["actions"] = new JsonArray([.. (actions.Length == 0 ? [Pair("CONTACT", "CREATED"), Pair("CONTACT", "UPDATED"), Pair("CONTACT", "DELETED")] : actions)]),
    };

    private static JsonObject Contact(string first = "Ann") => new()
    {
        ["source"] = "LOS",
        ["first_name"] = first,
        ["last_name"] = "Lee",
        ["email"] = "ann.lee@example.test",
        ["owner"] = Bodies.Ref("username", "jane-doe-acme"),
    };

    private static Task<IReadOnlyList<SentWebhook>> SentAsync(TestApi api, int count, Func<SentWebhook, bool>? done = null) =>
        Eventually.MatchAsync(api.Sandbox.Inspector.GetWebhooks, sent => sent.Count >= count && sent.Take(count).All(done ?? (s => s.Status != WebhookDeliveryStatus.Pending)), $"{count} webhook(s)");

    [Fact]
    public async Task Webhook_actions_list_the_documented_pairs()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();

        var items = (await api.GetAsync("v1/webhook-actions", token)).Expect(200).Items;

        Assert.Equal(
            ["CONTACT CREATED", "CONTACT UPDATED", "CONTACT DELETED", "EMAIL_UNSUBSCRIBE UPDATED"],
            items.Select(pair => $"{pair!["item"]} {pair["action"]}"));
    }

    [Fact]
    public async Task A_subscription_is_created_read_patched_and_deleted_with_actions_added_and_removed()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        var id = await api.CreateAsync("v1/webhook-subscriptions", token, Subscription("https://hooks.example/te", actions: [Pair("CONTACT", "CREATED")]));

        (await api.PatchAsync($"v1/webhook-subscriptions/{id}", token, new JsonObject
        {
            ["secret"] = "f".PadLeft(40, 'e'),
            ["actions"] = new JsonArray(Pair("contact", "deleted"), Pair("EMAIL_UNSUBSCRIBE", "UPDATED")),
            ["remove_actions"] = new JsonArray(Pair("CONTACT", "CREATED")),
        })).Expect(200);

        var read = (await api.GetAsync($"v1/webhook-subscriptions/{id}", token)).Expect(200).Object;
        Assert.Equal("https://hooks.example/te", read["url"]!.GetValue<string>());
        Assert.Equal("f".PadLeft(40, 'e'), read["secret"]!.GetValue<string>());
        Assert.Equal(["CONTACT DELETED", "EMAIL_UNSUBSCRIBE UPDATED"], read["actions"]!.AsArray().Select(pair => $"{pair!["item"]} {pair["action"]}"));
        Assert.Null(read["remove_actions"]);
        Assert.Single((await api.GetAsync("v1/webhook-subscriptions", token)).Items);
        (await api.DeleteAsync($"v1/webhook-subscriptions/{id}", token)).Expect(200);
        (await api.GetAsync($"v1/webhook-subscriptions/{id}", token)).Expect(404);
    }

    [Theory]
    [InlineData("http://hooks.example/te", "url")]
    [InlineData("/relative", "url")]
    [InlineData(null, "url")]
    public async Task A_subscription_needs_an_absolute_https_url(string? url, string field)
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        var body = Subscription(url ?? "x");
        if (url is null)
        {
            body.Remove("url");
        }

        var reply = (await api.PostAsync("v1/webhook-subscriptions", token, body)).Expect(422);

        Assert.Contains($"'{field}'", reply.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_actions_long_secrets_and_loopback_http_when_disallowed_are_refused()
    {
        await using var api = await TestApi.StartAsync(options => options.Webhooks.AllowLoopbackHttp = false);
        var token = await api.AdminTokenAsync();

        var unknown = (await api.PostAsync("v1/webhook-subscriptions", token, Subscription("https://hooks.example", actions: [Pair("LOAN", "CREATED")]))).Expect(422);
        var longSecret = (await api.PostAsync("v1/webhook-subscriptions", token, Subscription("https://hooks.example", new string('a', 256)))).Expect(422);
        var loopback = (await api.PostAsync("v1/webhook-subscriptions", token, Subscription("http://127.0.0.1:9/hooks"))).Expect(422);

        Assert.Contains("'actions'", unknown.Error, StringComparison.Ordinal);
        Assert.Contains("'secret'", longSecret.Error, StringComparison.Ordinal);
        Assert.Contains("'url'", loopback.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Contact_changes_are_posted_in_order_with_the_records_hash_and_the_subscriptions_secret()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        await api.CreateAsync("v1/webhook-subscriptions", token, Subscription(receiver.Url));

        var id = await api.CreateAsync("v1/contacts", token, Contact());
        (await api.PatchAsync($"v1/contacts/{id}", token, new JsonObject { ["first_name"] = "Anne" })).Expect(200);
        (await api.PatchAsync($"v1/contacts/{id}", token, new JsonObject { ["first_name"] = "Anne" })).Expect(200);
        (await api.DeleteAsync($"v1/contacts/{id}", token)).Expect(200);

        var sent = await SentAsync(api, 4);
        Assert.All(sent, webhook => Assert.Equal(WebhookDeliveryStatus.Delivered, webhook.Status));
        Assert.Equal(["CREATED", "UPDATED", "UPDATED", "DELETED"], sent.Select(webhook => webhook.Body["action"]!.GetValue<string>()));
        Assert.All(receiver.Received, body =>
        {
            Assert.Equal("CONTACT", body["item"]!.GetValue<string>());
            Assert.Equal(id, body["id"]!.GetValue<long>());
            Assert.Equal(Secret, body["secret"]!.GetValue<string>());
            Assert.Matches("^[0-9a-f]{64}$", body["hashValue"]!.GetValue<string>());
        });
        var hashes = receiver.Received.Select(body => body["hashValue"]!.GetValue<string>()).ToList();
        Assert.NotEqual(hashes[0], hashes[1]);
        Assert.Equal(hashes[1], hashes[2]);
        Assert.NotEqual(hashes[2], hashes[3]);
    }

    [Fact]
    public async Task An_unsubscribe_is_posted_as_EMAIL_UNSUBSCRIBE_UPDATED_and_a_repeat_that_changes_nothing_keeps_its_hash()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        await api.CreateAsync("v1/webhook-subscriptions", token, Subscription(receiver.Url, Secret, Pair("EMAIL_UNSUBSCRIBE", "UPDATED")));
        var unsubscribe = new JsonObject { ["email"] = "gone@example.test", ["organization_wide"] = true };

        var id = await api.CreateAsync("v1/email-unsubscribes", token, unsubscribe);
        (await api.PostAsync("v1/email-unsubscribes", token, unsubscribe.DeepClone())).Expect(200);
        await api.CreateAsync("v1/contacts", token, Contact());

        var sent = await SentAsync(api, 2);
        Assert.Equal(2, sent.Count);
        Assert.All(sent, webhook => Assert.Equal(("EMAIL_UNSUBSCRIBE", "UPDATED", id), (webhook.Body["item"]!.GetValue<string>(), webhook.Body["action"]!.GetValue<string>(), webhook.Body["id"]!.GetValue<long>())));
        Assert.Equal(sent[0].Body["hashValue"]!.GetValue<string>(), sent[1].Body["hashValue"]!.GetValue<string>());
    }

    [Fact]
    public async Task Nothing_is_sent_for_another_organization_or_an_action_not_subscribed()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var api = await TestApi.StartAsync(options => options.Organizations = SandboxOrganization.Many(2));
        var token = await api.AdminTokenAsync();
        var other = await api.AdminTokenAsync(organization: api.Sandbox.Organizations[1]);
        await api.CreateAsync("v1/webhook-subscriptions", token, Subscription(receiver.Url, actions: [Pair("CONTACT", "DELETED")]));

        var id = await api.CreateAsync("v1/contacts", token, Contact());
        await api.CreateAsync("v1/contacts", other, Contact().With("owner", Bodies.Ref("id", api.Sandbox.Organizations[1].Users[0].Id)));
        (await api.DeleteAsync($"v1/contacts/{id}", token)).Expect(200);

        var sent = Assert.Single(await SentAsync(api, 1));
        Assert.Equal("DELETED", sent.Body["action"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_failed_delivery_is_retried_after_a_doubling_delay_on_the_sandbox_clock()
    {
        var clock = TestClock.At8();
        await using var receiver = await WebhookReceiver.StartAsync(500, 503);
        await using var api = await TestApi.StartAsync(options => options.TimeProvider = clock);
        var token = await api.AdminTokenAsync();
        await api.CreateAsync("v1/webhook-subscriptions", token, Subscription(receiver.Url));

        await api.CreateAsync("v1/contacts", token, Contact());
        await SentAsync(api, 1, webhook => webhook.Attempts.Count == 1);
        clock.Advance(TimeSpan.FromSeconds(1));
        await SentAsync(api, 1, webhook => webhook.Attempts.Count == 2);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, api.Sandbox.Inspector.GetWebhooks()[0].Attempts.Count);
        clock.Advance(TimeSpan.FromSeconds(1));
        var sent = Assert.Single(await SentAsync(api, 1));

        Assert.Equal(WebhookDeliveryStatus.Delivered, sent.Status);
        Assert.Equal([500, 503, 200], sent.Attempts.Select(attempt => attempt.Status));
        Assert.Equal([0, 1, 3], sent.Attempts.Select(attempt => (int)(attempt.At - sent.QueuedAt).TotalSeconds));
        Assert.Equal(3, receiver.Received.Count);
    }

    [Fact]
    public async Task Notifications_queued_before_a_rotation_keep_the_old_secret()
    {
        var clock = TestClock.At8();
        await using var receiver = await WebhookReceiver.StartAsync(503);
        await using var api = await TestApi.StartAsync(options => options.TimeProvider = clock);
        var token = await api.AdminTokenAsync();
        var subscription = await api.CreateAsync("v1/webhook-subscriptions", token, Subscription(receiver.Url));
        var id = await api.CreateAsync("v1/contacts", token, Contact());
        await SentAsync(api, 1, webhook => webhook.Attempts.Count == 1);

        // The create waits for its retry while the update is queued and the secret rotated.
        (await api.PatchAsync($"v1/contacts/{id}", token, new JsonObject { ["first_name"] = "Anne" })).Expect(200);
        (await api.PatchAsync($"v1/webhook-subscriptions/{subscription}", token, new JsonObject { ["secret"] = new string('b', 32) })).Expect(200);
        (await api.DeleteAsync($"v1/contacts/{id}", token)).Expect(200);
        clock.Advance(TimeSpan.FromSeconds(1));
        var sent = await SentAsync(api, 3);

        Assert.Equal([Secret, Secret, new string('b', 32)], sent.Select(webhook => webhook.Body["secret"]!.GetValue<string>()));
        Assert.All(sent, webhook => Assert.Equal(WebhookDeliveryStatus.Delivered, webhook.Status));
    }

    [Fact]
    public async Task A_subscription_off_loopback_is_kept_but_nothing_is_sent_and_the_inspection_endpoint_says_so()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        await api.CreateAsync("v1/webhook-subscriptions", token, Subscription("https://hooks.example/te"));

        await api.CreateAsync("v1/contacts", token, Contact());
        await SentAsync(api, 1);
        var webhooks = (await api.GetAsync("_sandbox/webhooks", null)).Expect(200).Object["webhooks"]!.AsArray();

        var sent = Assert.Single(webhooks)!;
        Assert.Equal("skipped", sent["status"]!.GetValue<string>());
        Assert.Equal("https://hooks.example/te", sent["url"]!.GetValue<string>());
        Assert.Equal("CREATED", sent["body"]!["action"]!.GetValue<string>());
        Assert.Equal(0, sent["attempts"]![0]!["status"]!.GetValue<int>());
    }
}
