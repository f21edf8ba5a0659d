using Microsoft.Extensions.Time.Testing;
using TeGen.Client.Auth;
using TeGen.Client.Http;
using TeGen.Client.Tests.Support;

namespace TeGen.Client.Tests.Faults;

/// <summary>
/// A 429's Retry-After in every form (seconds, HTTP date, missing, absurd): the pause it causes is capped, time queued
/// counts against the call's budget, and a wait beyond that budget fails at once, typed, with RetryAfter set. The
/// clock is fake: no test sleeps through a pause.
/// </summary>
public class RetryAfterPauseTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task An_absurd_Retry_After_fails_the_call_at_once_and_pauses_the_egress_only_up_to_the_cap()
    {
        var time = new FakeTimeProvider(Start);
        var once = 1;
        await using var te = new FakeTe(r => r.Path == "/v1/contacts" && Interlocked.Decrement(ref once) >= 0
            ? FakeReply.Json(429, """{"error":"Too Many Requests"}""", ("Retry-After", "86400"))
            : r.Path == "/v1/contacts" ? FakeReply.EmptyPage() : null);
        var limiters = new TeRateLimiterRegistry();
        var options = FakeTeClients.Options(te, o =>
        {
            o.Retry.MaxDelay = TimeSpan.FromMinutes(2);
            o.Retry.MaxTotalTime = TimeSpan.FromMinutes(1);
        });
        using var connection = new TotalExpertConnection(options, new InMemoryTokenStore(), time, rateLimiters: limiters);
        var admin = connection.CreateAdminClient();

        var first = await Assert.ThrowsAsync<TotalExpertRateLimitException>(() => admin.Contacts.ListContactsAsync(1, 1, null, null));
        Assert.Equal(TimeSpan.FromDays(1), first.RetryAfter);
        Assert.Equal(429, first.StatusCode);

        // The egress is paused for the cap (2 minutes), not a day; a call with a 1-minute budget does not wait for it.
        var second = await Assert.ThrowsAsync<TotalExpertRateLimitException>(() => admin.Contacts.ListContactsAsync(1, 1, null, null));
        Assert.Equal(0, second.StatusCode);
        Assert.False(second.MayHaveBeenProcessed);
        Assert.InRange(second.RetryAfter!.Value, TimeSpan.FromSeconds(119), TimeSpan.FromMinutes(2));
        Assert.Contains("TotalExpert:Retry:MaxTotalTime", second.Message);
        Assert.Equal(1, te.Count("GET", "/v1/contacts"));

        // Once the cap has passed, calls go again.
        time.Advance(TimeSpan.FromMinutes(2));
        await admin.Contacts.ListContactsAsync(1, 1, null, null);
        Assert.Equal(2, te.Count("GET", "/v1/contacts"));
    }

    [Fact]
    public async Task A_429_from_one_TE_host_does_not_pause_calls_to_another()
    {
        var time = new FakeTimeProvider(Start);
        await using var busy = new FakeTe(r => r.Path == "/v1/contacts" ? FakeReply.Json(429, "{}", ("Retry-After", "3600")) : null);
        await using var other = new FakeTe(r => r.Path == "/v1/contacts" ? FakeReply.EmptyPage() : null);
        var limiters = new TeRateLimiterRegistry(); // one registry, one scope ("default"), two hosts
        using var toBusy = new TotalExpertConnection(FakeTeClients.Options(busy, o => o.Retry.Enabled = false), new InMemoryTokenStore(), time, rateLimiters: limiters);
        using var toOther = new TotalExpertConnection(FakeTeClients.Options(other), new InMemoryTokenStore(), time, rateLimiters: limiters);

        await Assert.ThrowsAsync<TotalExpertRateLimitException>(() => toBusy.CreateAdminClient().Contacts.ListContactsAsync(1, 1, null, null));
        await toOther.CreateAdminClient().Contacts.ListContactsAsync(1, 1, null, null).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(1, other.Count("GET", "/v1/contacts"));
    }

    public static TheoryData<string?, int> RetryAfterForms() => new()
    {
        { "30", 30 },
        { "date+45", 45 },
        { null, 1 },          // none: the SDK's default pause
        { "-5", 1 },          // not a valid Retry-After: treated as missing
        { "date-60", 0 },     // a date in the past: no wait
        { "soon", 1 },        // unparseable: treated as missing
    };

    [Theory]
    [MemberData(nameof(RetryAfterForms))]
    public async Task Every_form_of_Retry_After_is_honoured_and_the_call_then_succeeds(string? retryAfter, int expectedSeconds)
    {
        var time = new FakeTimeProvider(Start);
        var arrivals = new List<DateTimeOffset>();
        await using var te = new FakeTe(r =>
        {
            if (r.Path != "/v1/contacts")
            {
                return null;
            }

            lock (arrivals)
            {
                arrivals.Add(time.GetUtcNow());
                if (arrivals.Count > 1)
                {
                    return FakeReply.EmptyPage();
                }
            }

            var header = retryAfter?.StartsWith("date", StringComparison.Ordinal) == true
                ? time.GetUtcNow().AddSeconds(int.Parse(retryAfter[4..])).ToString("r")
                : retryAfter;
            return header is null ? FakeReply.Json(429, "{}") : FakeReply.Json(429, "{}", ("Retry-After", header));
        });
        using var connection = new TotalExpertConnection(
            FakeTeClients.Options(te, o => o.Retry.MaxDelay = TimeSpan.FromMinutes(2)), new InMemoryTokenStore(), time, rateLimiters: new TeRateLimiterRegistry());

        var call = connection.CreateAdminClient().Contacts.ListContactsAsync(1, 1, null, null);
        for (var i = 0; i < 600 && !call.IsCompleted; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(250));
            await Task.Delay(5);
        }

        await call.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, arrivals.Count);
        // The fake clock keeps moving while the client works (more so on a loaded machine), so the retry may come later,
        // never earlier (but for an HTTP date's whole-second precision).
        Assert.InRange(arrivals[1] - arrivals[0], TimeSpan.FromSeconds(Math.Max(0, expectedSeconds - 1)), TimeSpan.FromSeconds(expectedSeconds + 60));
    }
}
