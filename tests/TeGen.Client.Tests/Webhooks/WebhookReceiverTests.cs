using System.Net;
using System.Text;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TeGen.Client.AspNetCore;
using TeGen.Client.Tests.Support;

namespace TeGen.Client.Tests.Webhooks;

/// <summary>The ASP.NET Core receiver, fed notifications directly.</summary>
public class WebhookReceiverTests
{
    private const string Secret = "3f9a0c1e5b7d2468ace13579bdf02468";

    private static readonly HttpClient Http = new();

    private static string Notification(string item = "CONTACT", string action = "CREATED", long id = 7, string hash = "aa01", string? secret = Secret) =>
        $$"""{"item": "{{item}}", "action": "{{action}}", "id": {{id}}, "hashValue": "{{hash}}", "secret": {{(secret is null ? "null" : $"\"{secret}\"")}}}""";

    private static async Task<HttpStatusCode> PostAsync(ReceiverHost receiver, string body)
    {
        using var response = await Http.PostAsync(receiver.Url, new StringContent(body, Encoding.UTF8, "application/json"));
        return response.StatusCode;
    }

    [Fact]
    public async Task Typed_events_arrive_in_order_and_an_unknown_pair_keeps_the_raw_item_and_action()
    {
        await using var receiver = await ReceiverHost.StartAsync(Secret);

        foreach (var (item, action) in new[] { ("CONTACT", "CREATED"), ("contact", "updated"), ("CONTACT", "DELETED"), ("EMAIL_UNSUBSCRIBE", "UPDATED"), ("CONTACT", "ARCHIVED") })
        {
            Assert.Equal(HttpStatusCode.OK, await PostAsync(receiver, Notification(item, action, hash: item + action)));
        }

        var events = await receiver.NextAsync(5);
        Assert.Equal(
            [typeof(ContactCreated), typeof(ContactUpdated), typeof(ContactDeleted), typeof(EmailUnsubscribeUpdated), typeof(UnknownTotalExpertWebhookEvent)],
            events.Select(e => e.GetType()));
        Assert.Equal(new UnknownTotalExpertWebhookEvent("CONTACT", "ARCHIVED", 7, "CONTACTARCHIVED"), events[4]);
        Assert.Equal(7, events[0].Id);
    }

    [Fact]
    public async Task A_wrong_or_missing_secret_is_401_and_delivers_nothing()
    {
        await using var receiver = await ReceiverHost.StartAsync(Secret);

        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(receiver, Notification(secret: Secret[..^1] + "0")));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(receiver, Notification(secret: null)));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(receiver, Notification(secret: "")));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(receiver, Notification(id: 8)));

        Assert.Equal(8, Assert.Single(await receiver.NextAsync(1)).Id);
        Assert.False(receiver.Events.Reader.TryRead(out _));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""{"item": "CONTACT", "action": "CREATED", "id": 7, "secret": "3f9a0c1e5b7d2468ace13579bdf02468"}""")]
    [InlineData("""{"item": "CONTACT", "action": "CREATED", "id": "seven", "hashValue": "aa", "secret": "3f9a0c1e5b7d2468ace13579bdf02468"}""")]
    [InlineData("""{"item": "", "action": "CREATED", "id": 7, "hashValue": "aa", "secret": "3f9a0c1e5b7d2468ace13579bdf02468"}""")]
    public async Task A_body_that_is_not_TEs_notification_is_400(string body)
    {
        await using var receiver = await ReceiverHost.StartAsync(Secret);

        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(receiver, body));
    }

    [Fact]
    public async Task A_repeated_hash_value_is_delivered_once_and_only_the_latest_is_compared()
    {
        await using var receiver = await ReceiverHost.StartAsync(Secret);

        foreach (var (action, hash) in new[] { ("CREATED", "h1"), ("CREATED", "h1"), ("UPDATED", "h2"), ("UPDATED", "h1"), ("UPDATED", "h1") })
        {
            Assert.Equal(HttpStatusCode.OK, await PostAsync(receiver, Notification(action: action, hash: hash)));
        }

        Assert.Equal(HttpStatusCode.OK, await PostAsync(receiver, Notification(id: 9, hash: "h1")));

        var events = await receiver.NextAsync(4);
        Assert.Equal(["CREATED h1 7", "UPDATED h2 7", "UPDATED h1 7", "CREATED h1 9"], events.Select(e => $"{e.Action} {e.HashValue} {e.Id}"));
        Assert.False(receiver.Events.Reader.TryRead(out _));
    }

    [Fact]
    public async Task After_a_rotation_the_old_secret_is_accepted_for_the_window_only()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 8, 0, 0, TimeSpan.Zero));
        await using var receiver = await ReceiverHost.StartAsync(Secret, clock);
        var rotated = TotalExpertWebhookSecret.Generate();

        receiver.Secrets.Rotate(rotated);
        var old = await PostAsync(receiver, Notification(hash: "h1"));
        var current = await PostAsync(receiver, Notification(hash: "h2", secret: rotated));
        clock.Advance(TimeSpan.FromHours(1));
        var expired = await PostAsync(receiver, Notification(hash: "h3"));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Unauthorized), (old, current, expired));
        Assert.Equal(["h1", "h2"], (await receiver.NextAsync(2)).Select(e => e.HashValue));
    }

    [Fact]
    public async Task Receivers_sharing_a_distributed_cache_suppress_each_others_duplicates()
    {
        var cache = new MemoryDistributedCache(Microsoft.Extensions.Options.Options.Create(new MemoryDistributedCacheOptions()));
        void Shared(IServiceCollection services) => services.AddSingleton<IDistributedCache>(cache).AddTotalExpertWebhookDistributedDeduplication();
        await using var first = await ReceiverHost.StartAsync(Secret, configure: Shared);
        await using var second = await ReceiverHost.StartAsync(Secret, configure: Shared);

        Assert.Equal(HttpStatusCode.OK, await PostAsync(first, Notification(hash: "h1")));
        Assert.Equal("h1", Assert.Single(await first.NextAsync(1)).HashValue);
        Assert.Equal(HttpStatusCode.OK, await PostAsync(second, Notification(hash: "h1")));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(second, Notification(hash: "h2")));

        Assert.Equal("h2", Assert.Single(await second.NextAsync(1)).HashValue);
    }

    [Fact]
    public async Task Refusals_and_duplicates_are_logged_without_any_secret()
    {
        var logs = new CapturingLoggerFactory();
        var presented = Secret[..^4] + "beef";
        await using var receiver = await ReceiverHost.StartAsync(Secret, configure: services => services.AddSingleton<ILoggerFactory>(logs));

        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(receiver, Notification(id: 5, secret: presented)));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(receiver, Notification(hash: "h1")));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(receiver, Notification(hash: "h1")));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(receiver, Notification(id: 8)));
        await receiver.NextAsync(2);

        Assert.Contains(logs.Lines, line => line.Contains("wrong secret", StringComparison.Ordinal) && line.Contains("for 5", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, line => line.Contains("repeats the record's latest hashValue", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, line => line.Contains(Secret, StringComparison.Ordinal) || line.Contains(presented, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public async Task A_receiver_without_a_secret_does_not_start(string? secret)
    {
        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => ReceiverHost.StartAsync(secret!));

        Assert.Contains("Secret is required", refused.Message, StringComparison.Ordinal);
    }
}
