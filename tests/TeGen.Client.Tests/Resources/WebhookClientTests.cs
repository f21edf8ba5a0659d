using TeGen.Client.Tests.Support;
using TeGen.Sandbox;

namespace TeGen.Client.Tests.Resources;

/// <summary>Webhook subscriptions through the generated client: managed against the sandbox, checked before sending.</summary>
public class WebhookClientTests
{
    private static readonly string Secret = TotalExpertWebhookSecret.Generate();

    private static WebhookAction Pair(string item, string action) => new() { Item = item, Action = action };

    private static NewWebhookSubscription Subscription(string url = "https://hooks.example/te", string? secret = null, params WebhookAction[] actions) => new()
    {
        Url = url,
        Secret = secret ?? Secret,
        Actions = actions.Length == 0 ? [Pair("CONTACT", "CREATED")] : [.. actions],
    };

    [Fact]
    public async Task A_subscription_is_created_read_rotated_listed_and_deleted_and_the_actions_are_read_once()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var admin = connection.CreateAdminClient();

        var created = await admin.Webhooks.CreateWebhookSubscriptionAsync(Subscription());
        var rotated = TotalExpertWebhookSecret.Generate();
        await admin.Webhooks.UpdateWebhookSubscriptionAsync(
            new WebhookSubscriptionUpdate { Secret = rotated, Actions = [Pair("CONTACT", "DELETED")], RemoveActions = [Pair("CONTACT", "CREATED")] }, created.Id);
        var read = await admin.Webhooks.GetWebhookSubscriptionAsync(created.Id);
        var listed = await admin.Webhooks.ListAllWebhookSubscriptionsAsync().ToListAsync();
        await admin.Webhooks.DeleteWebhookSubscriptionAsync(created.Id);

        Assert.True(created.IsCreated);
        Assert.Equal(("https://hooks.example/te", rotated), (read.Url, read.Secret));
        Assert.Equal(["CONTACT DELETED"], read.Actions!.Select(a => $"{a.Item} {a.Action}"));
        Assert.Equal(created.Id, Assert.Single(listed).Id);
        Assert.Equal(1, SandboxClients.Sent(sandbox, "GET", "/v1/webhook-actions"));
        Assert.Equal(64, Secret.Length);
        Assert.Matches("^[0-9a-f]{64}$", rotated);
    }

    public static TheoryData<string, NewWebhookSubscription> Refused => new()
    {
        { "url", Subscription("http://hooks.example/te") },
        { "url", Subscription("/te/webhooks") },
        { "url", new NewWebhookSubscription { Secret = Secret, Actions = [Pair("CONTACT", "CREATED")] } },
        { "secret", Subscription(secret: "too-short") },
        { "secret", Subscription(secret: new string('a', 256)) },
        { "secret", new NewWebhookSubscription { Url = "https://hooks.example/te", Actions = [Pair("CONTACT", "CREATED")] } },
        { "actions", new NewWebhookSubscription { Url = "https://hooks.example/te", Secret = Secret, Actions = [] } },
        { "actions", Subscription(actions: Pair("LOAN", "CREATED")) },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_subscription_TE_would_refuse_or_TeGen_deems_unsafe_is_refused_before_sending_naming_the_field(string field, NewWebhookSubscription subscription)
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);

        var refused = await Assert.ThrowsAsync<TotalExpertRequestValidationException>(() => connection.CreateAdminClient().Webhooks.CreateWebhookSubscriptionAsync(subscription));

        Assert.Equal(field, refused.Field);
        Assert.Equal(0, SandboxClients.Sent(sandbox, "POST", "/v1/webhook-subscriptions"));
    }

    [Fact]
    public async Task An_unknown_action_is_refused_listing_the_known_ones_and_an_update_is_checked_too()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var webhooks = connection.CreateAdminClient().Webhooks;

        var unknown = await Assert.ThrowsAsync<TotalExpertRequestValidationException>(() => webhooks.CreateWebhookSubscriptionAsync(Subscription(actions: Pair("CONTACT", "ARCHIVED"))));
        var update = await Assert.ThrowsAsync<TotalExpertRequestValidationException>(() => webhooks.UpdateWebhookSubscriptionAsync(new WebhookSubscriptionUpdate { Secret = "short" }, 1));

        Assert.Contains("CONTACT ARCHIVED", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("EMAIL_UNSUBSCRIBE UPDATED", unknown.Message, StringComparison.Ordinal);
        Assert.Equal("secret", update.Field);
        Assert.Equal(0, SandboxClients.Sent(sandbox, "PATCH", "/v1/webhook-subscriptions/1"));
    }

    [Fact]
    public async Task Plain_http_on_loopback_is_accepted_only_while_the_connection_itself_talks_to_loopback()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var local = SandboxClients.Connect(sandbox);
        using var remote = SandboxClients.Connect(sandbox, options => options.BaseUrl = new Uri("https://api.example.test/"));

        var created = await local.CreateAdminClient().Webhooks.CreateWebhookSubscriptionAsync(Subscription("http://127.0.0.1:5099/te/webhooks"));
        var refused = await Assert.ThrowsAsync<TotalExpertRequestValidationException>(
            () => remote.CreateAdminClient().Webhooks.CreateWebhookSubscriptionAsync(Subscription("http://127.0.0.1:5099/te/webhooks")));

        Assert.True(created.IsCreated);
        Assert.Equal("url", refused.Field);
    }
}
