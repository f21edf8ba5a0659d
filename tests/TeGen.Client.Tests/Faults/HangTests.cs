using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using TeGen.Client.Tests.Support;

namespace TeGen.Client.Tests.Faults;

/// <summary>
/// Every exchange the SDK has with TE, headers and body, token requests included, is bounded by AttemptTimeout and
/// ends in a <see cref="TotalExpertTimeoutException"/>. Where the server stalls, the clock is a FakeTimeProvider moved
/// by the test, so the bound is proven without waiting for it.
/// </summary>
public class HangTests
{
    public static TheoryData<string> Calls() => ["GET /v1/contacts", "POST /v1/contacts", "POST /v1/token"];

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task Stalled_headers_end_in_a_typed_timeout(string call) =>
        await AssertTimesOutAsync(call, FakeReply.StallBeforeHeaders());

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task A_body_that_stalls_after_the_headers_ends_in_a_typed_timeout(string call) =>
        await AssertTimesOutAsync(call, FakeReply.StallInBody());

    [Fact]
    public async Task A_slow_drip_that_never_finishes_within_the_attempt_timeout_ends_in_a_typed_timeout()
    {
        await using var te = new FakeTe(r => r.Path == "/v1/contacts" ? FakeReply.Drip(TimeSpan.FromMilliseconds(20)) : null);
        using var connection = FakeTeClients.Connect(te, o =>
        {
            o.Retry.Enabled = false;
            o.Transport.AttemptTimeout = TimeSpan.FromMilliseconds(500);
        });
        var clock = Stopwatch.StartNew();

        var e = await Assert.ThrowsAsync<TotalExpertTimeoutException>(() => connection.CreateAdminClient().Contacts.ListContactsAsync(1, 1, null, null));

        Assert.Equal("GET /v1/contacts", e.Operation);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(400), TimeSpan.FromSeconds(10)); // 1000 bytes at 20 ms would take 20 s
    }

    [Fact]
    public async Task A_timed_out_GET_is_retried_and_a_timed_out_note_is_not()
    {
        var stalls = 1;
        await using var te = new FakeTe(r => r.Path is "/v1/contacts" or "/v1/contact-notes" && Interlocked.Decrement(ref stalls) >= 0 ? FakeReply.StallInBody() : r.Path == "/v1/contacts" ? FakeReply.EmptyPage() : null);
        // Long enough that a loaded machine does not time out the answers that do come, short enough to wait for.
        using var connection = FakeTeClients.Connect(te, o => o.Transport.AttemptTimeout = TimeSpan.FromSeconds(1));
        var admin = connection.CreateAdminClient();

        await admin.Contacts.ListContactsAsync(1, 1, null, null);
        Assert.Equal(2, te.Count("GET", "/v1/contacts"));

        stalls = 1;
        var e = await Assert.ThrowsAsync<TotalExpertTimeoutException>(() => admin.ContactNotes.CreateContactNoteAsync(FakeTeClients.Note()));
        Assert.True(e.MayHaveBeenProcessed);
        Assert.Equal(1, te.Count("POST", "/v1/contact-notes"));
    }

    private static async Task AssertTimesOutAsync(string call, FakeReply stall)
    {
        var (method, path) = (call.Split(' ')[0], call.Split(' ')[1]);
        await using var te = new FakeTe(r => r.Method == method && r.Path == path ? stall : null);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var connection = FakeTeClients.Connect(te, o =>
        {
            o.Retry.Enabled = false;
            o.Transport.AttemptTimeout = TimeSpan.FromSeconds(30);
        }, time);

        var pending = RedirectTests.Call(connection.CreateAdminClient(), call);
        await Eventually.TrueAsync(() => te.Count(method, path) == 1);
        time.Advance(TimeSpan.FromSeconds(29));
        await Task.Delay(50);
        Assert.False(pending.IsCompleted, "gave up before the attempt timeout");
        time.Advance(TimeSpan.FromSeconds(1));

        var e = await Assert.ThrowsAsync<TotalExpertTimeoutException>(() => pending.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(call, e.Operation);
        Assert.Equal(TimeSpan.FromSeconds(30), e.Timeout);
        Assert.Contains("TotalExpert:Transport:AttemptTimeout", e.Message);
    }
}
