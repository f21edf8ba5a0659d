using TeGen.Client.AspNetCore;
using TeGen.Client.Tests.Support;
using TeGen.Sandbox;
using TeGen.Sandbox.Inspection;

namespace TeGen.Client.Tests.Webhooks;

/// <summary>Subscribe with the SDK, change contacts with the SDK, receive TE's notifications from the sandbox in an ASP.NET Core host.</summary>
public class WebhookEndToEndTests
{
    private static readonly WebhookAction[] ContactActions =
    [
        new() { Item = "CONTACT", Action = "CREATED" },
        new() { Item = "CONTACT", Action = "UPDATED" },
        new() { Item = "CONTACT", Action = "DELETED" },
    ];

    private static Task<long> SubscribeAsync(TotalExpertAdminClient admin, string url, string secret) =>
        admin.Webhooks.CreateWebhookSubscriptionAsync(new NewWebhookSubscription { Url = url, Secret = secret, Actions = [.. ContactActions] }).ContinueWith(t => t.Result.Id, TaskScheduler.Default);

    private static async Task<IReadOnlyList<SentWebhook>> SettledAsync(TeSandbox sandbox, int count)
    {
        await Eventually.TrueAsync(() => sandbox.Inspector.GetWebhooks() is { } sent && sent.Count == count && sent.All(s => s.Status != WebhookDeliveryStatus.Pending));
        return sandbox.Inspector.GetWebhooks();
    }

    [Fact]
    public async Task Create_update_delete_reach_the_handler_as_three_typed_events_in_order_exactly_once_and_a_repeated_hash_once()
    {
        var secret = TotalExpertWebhookSecret.Generate();
        await using var sandbox = await TeSandbox.StartAsync();
        await using var receiver = await ReceiverHost.StartAsync(secret);
        using var connection = SandboxClients.Connect(sandbox);
        var admin = connection.CreateAdminClient();
        await SubscribeAsync(admin, receiver.Url, secret);

        var contact = await admin.Contacts.CreateContactAsync(SandboxClients.Contact(sandbox, 1));
        await admin.Contacts.UpdateContactAsync(new ContactUpdate { Title = "Dr" }, contact.Id);
        await admin.Contacts.UpdateContactAsync(new ContactUpdate { Title = "Dr" }, contact.Id);
        await admin.Contacts.DeleteContactAsync(contact.Id);

        var events = await receiver.NextAsync(3);
        var sent = await SettledAsync(sandbox, 4);
        Assert.Equal([typeof(ContactCreated), typeof(ContactUpdated), typeof(ContactDeleted)], events.Select(e => e.GetType()));
        Assert.All(events, e => Assert.Equal(contact.Id, e.Id));
        Assert.All(sent, s => Assert.Equal(WebhookDeliveryStatus.Delivered, s.Status));
        Assert.Equal(sent[1].Body["hashValue"]!.ToString(), sent[2].Body["hashValue"]!.ToString());
        Assert.False(receiver.Events.Reader.TryRead(out _));
    }

    [Fact]
    public async Task A_secret_rotated_mid_stream_loses_nothing()
    {
        var (secret, rotated) = (TotalExpertWebhookSecret.Generate(), TotalExpertWebhookSecret.Generate());
        await using var sandbox = await TeSandbox.StartAsync();
        await using var receiver = await ReceiverHost.StartAsync(secret);
        using var connection = SandboxClients.Connect(sandbox);
        var admin = connection.CreateAdminClient();
        var subscription = await SubscribeAsync(admin, receiver.Url, secret);

        // The receiver learns the new secret first; TE's notifications for changes made meanwhile still carry the old one.
        receiver.Secrets.Rotate(rotated);
        var contact = await admin.Contacts.CreateContactAsync(SandboxClients.Contact(sandbox, 1));
        await admin.Webhooks.UpdateWebhookSubscriptionAsync(new WebhookSubscriptionUpdate { Secret = rotated }, subscription);
        await admin.Contacts.UpdateContactAsync(new ContactUpdate { Title = "Dr" }, contact.Id);
        await admin.Contacts.DeleteContactAsync(contact.Id);

        var events = await receiver.NextAsync(3);
        var sent = await SettledAsync(sandbox, 3);
        Assert.Equal([typeof(ContactCreated), typeof(ContactUpdated), typeof(ContactDeleted)], events.Select(e => e.GetType()));
        Assert.Equal([secret, rotated, rotated], sent.Select(s => s.Body["secret"]!.ToString()));
        Assert.All(sent, s => Assert.Equal([200], s.Attempts.Select(a => a.Status)));
    }

    [Fact]
    public async Task Notifications_with_a_wrong_secret_are_refused_and_deliver_nothing()
    {
        await using var sandbox = await TeSandbox.StartAsync(new TeSandboxOptions { Webhooks = { MaxAttempts = 2, FirstRetryDelay = TimeSpan.FromMilliseconds(1) } });
        await using var receiver = await ReceiverHost.StartAsync(TotalExpertWebhookSecret.Generate());
        using var connection = SandboxClients.Connect(sandbox);
        var admin = connection.CreateAdminClient();
        await SubscribeAsync(admin, receiver.Url, TotalExpertWebhookSecret.Generate());

        await admin.Contacts.CreateContactAsync(SandboxClients.Contact(sandbox, 1));

        var sent = Assert.Single(await SettledAsync(sandbox, 1));
        Assert.Equal(WebhookDeliveryStatus.Failed, sent.Status);
        Assert.Equal([401, 401], sent.Attempts.Select(a => a.Status));
        Assert.False(receiver.Events.Reader.TryRead(out _));
    }
}
