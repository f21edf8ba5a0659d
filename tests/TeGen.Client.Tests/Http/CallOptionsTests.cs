using TeGen.Client.Tests.Support;

namespace TeGen.Client.Tests.Http;

/// <summary>
/// Settings of one call (a <see cref="TotalExpertCallOptions"/> scope) override the connection's for the calls made in
/// the scope only: its retries and its attempt timeout.
/// </summary>
public class CallOptionsTests
{
    [Fact]
    public async Task A_scope_without_retries_fails_on_the_first_503_and_the_same_call_outside_it_is_retried()
    {
        var failures = 0;
        await using var te = new FakeTe(r => r.Path == "/v1/contacts" ? Interlocked.Increment(ref failures) <= 2 ? FakeReply.Json(503, "{}") : FakeReply.EmptyPage() : null);
        using var connection = FakeTeClients.Connect(te);
        var contacts = connection.CreateAdminClient().Contacts;

        using (TotalExpertCallOptions.Use(new() { Retry = new() { Enabled = false } }))
        {
            await Assert.ThrowsAsync<TotalExpertServerException>(() => contacts.ListContactsAsync(1, 1, null, null));
        }

        Assert.Equal(1, te.Count("GET", "/v1/contacts"));
        await contacts.ListContactsAsync(1, 1, null, null);
        Assert.Equal(3, te.Count("GET", "/v1/contacts"));
    }

    [Fact]
    public async Task A_scope_s_attempt_timeout_bounds_its_calls_and_says_so()
    {
        await using var te = new FakeTe(r => r.Path == "/v1/contacts" ? FakeReply.StallBeforeHeaders() : null);
        using var connection = FakeTeClients.Connect(te, o =>
        {
            o.Retry.Enabled = false;
            o.Transport.AttemptTimeout = TimeSpan.FromMinutes(10);
        });
        var contacts = connection.CreateAdminClient().Contacts;
        await connection.AdminTokens.GetTokenAsync(); // the token request is not what this test times out

        TotalExpertTimeoutException e;
        using (TotalExpertCallOptions.Use(new() { AttemptTimeout = TimeSpan.FromMilliseconds(300) }))
        {
            e = await Assert.ThrowsAsync<TotalExpertTimeoutException>(() => contacts.ListContactsAsync(1, 1, null, null));
        }

        Assert.Contains("within 0.3 s", e.Message);
    }
}
