using TeGen.Client.Auth;
using TeGen.Client.Tests.Support;
using TeGen.Sandbox;
using TeGen.Sandbox.Faults;

namespace TeGen.Client.Tests.Faults;

/// <summary>
/// Whatever the token endpoint answers, the caller gets a typed exception naming the cause, a transient failure is
/// retried like any GET's, and failures TE may not count do not lock the client out for the hour.
/// </summary>
public class TokenEndpointFailureTests
{
    public static TheoryData<string, Type> UnreadableAnswers() => new()
    {
        { "html", typeof(TotalExpertProtocolException) },
        { "empty", typeof(TotalExpertProtocolException) },
        { "no access_token", typeof(TotalExpertProtocolException) },
        { "expires_in text", typeof(TotalExpertProtocolException) },
        { "expires_in huge", typeof(TotalExpertProtocolException) },
        { "json array", typeof(TotalExpertProtocolException) },
        { "truncated", typeof(TotalExpertTransportException) },
    };

    [Theory]
    [MemberData(nameof(UnreadableAnswers))]
    public async Task An_unreadable_token_answer_is_a_typed_error_naming_the_token_request(string answer, Type expected)
    {
        await using var te = new FakeTe(r => r.Path == "/v1/token" ? TokenAnswer(answer) : null);
        using var connection = FakeTeClients.Connect(te, o => o.Retry.Enabled = false);

        var e = await Assert.ThrowsAsync(expected, () => connection.CreateAdminClient().Contacts.ListContactsAsync(1, 1, null, null));

        var typed = Assert.IsAssignableFrom<TotalExpertApiException>(e);
        Assert.Equal("POST /v1/token", typed.Operation);
        Assert.DoesNotContain("0123456789abcdef", typed.Message); // never the token
        Assert.Equal(0, te.ApiRequests);
    }

    [Fact]
    public async Task A_truncated_token_answer_is_retried_without_spending_the_budget_and_the_cause_is_what_the_caller_sees()
    {
        await using var te = new FakeTe(r => r.Path == "/v1/token" ? TokenAnswer("truncated") : null);
        using var connection = FakeTeClients.Connect(te, o => o.Retry.MaxRetries = 3);

        var e = await Assert.ThrowsAsync<TotalExpertTransportException>(() => connection.CreateAdminClient().Contacts.ListContactsAsync(1, 1, null, null));

        Assert.Equal("POST /v1/token", e.Operation);
        Assert.Equal(4, te.TokenRequests); // the first try and 3 retries, none refused by the budget
    }

    [Fact]
    public async Task When_failed_token_requests_are_counted_a_spent_budget_names_the_last_failure()
    {
        await using var te = new FakeTe(r => r.Path == "/v1/token" ? FakeReply.Json(503, """{"error":"down"}""") : null);
        using var connection = FakeTeClients.Connect(te, o => o.Tokens.CountFailedRequests = true);

        var e = await Assert.ThrowsAsync<TokenBudgetExceededException>(() => connection.CreateAdminClient().Contacts.ListContactsAsync(1, 1, null, null));

        Assert.Equal(2, te.TokenRequests);
        var cause = Assert.IsType<TotalExpertServerException>(e.InnerException);
        Assert.Equal(503, cause.StatusCode);
        Assert.Contains("down", e.Message);
        Assert.IsAssignableFrom<TotalExpertApiException>(e);
        Assert.NotNull(e.RetryAfter);
    }

    [Fact]
    public async Task One_503_from_the_token_endpoint_is_retried_and_the_GET_succeeds()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        sandbox.Faults.Set(new FaultSettings { Rules = [FaultRule.ServerErrors(1.0, 503) with { Count = 1, Method = "POST", PathPrefix = "/v1/token" }] });
        using var connection = SandboxClients.Connect(sandbox);

        await connection.CreateAdminClient().Contacts.ListContactsAsync(1, 1, null, null);

        Assert.Equal(2, sandbox.Inspector.GetRequestStats().TokenRequests);
    }

    [Fact]
    public async Task Two_503s_from_the_token_endpoint_do_not_lock_the_client_out_for_the_hour()
    {
        var failures = 2;
        await using var te = new FakeTe(r => r.Path == "/v1/token" && Interlocked.Decrement(ref failures) >= 0 ? FakeReply.Json(503, """{"error":"down"}""") : r.Path == "/v1/contacts" ? FakeReply.EmptyPage() : null);
        using var connection = FakeTeClients.Connect(te);

        await connection.CreateAdminClient().Contacts.ListContactsAsync(1, 1, null, null);

        Assert.Equal(3, te.TokenRequests);
        Assert.Equal(1, te.ApiRequests);
    }

    [Fact]
    public async Task A_token_endpoint_that_refuses_connections_costs_no_budget()
    {
        var port = FreePort();
        using var connection = new TotalExpertConnection(
            new TotalExpertClientOptions { BaseUrl = new Uri($"http://127.0.0.1:{port}/"), ClientId = "c", ClientSecret = "s", Tokens = { CountFailedRequests = true }, Retry = new() { BaseDelay = TimeSpan.Zero, MaxRetries = 5 } },
            new InMemoryTokenStore(), rateLimiters: new TeGen.Client.Http.TeRateLimiterRegistry());

        var e = await Assert.ThrowsAsync<TotalExpertTransportException>(() => connection.CreateAdminClient().Contacts.ListContactsAsync(1, 1, null, null));

        Assert.False(e.MayHaveBeenProcessed);
        Assert.Equal("POST /v1/token", e.Operation); // six tries, none counted: not a TokenBudgetExceededException
    }

    internal static FakeReply TokenAnswer(string kind) => kind switch
    {
        "html" => FakeReply.Bytes(200, "text/html", "<html><body>Gateway login</body></html>"u8.ToArray()),
        "empty" => FakeReply.Bytes(200, "application/json", []),
        "no access_token" => FakeReply.Json(200, """{"token_type":"bearer","expires_in":3600}"""),
        "expires_in text" => FakeReply.Json(200, """{"access_token":"0123456789abcdef","expires_in":"soon"}"""),
        "expires_in huge" => FakeReply.Json(200, """{"access_token":"0123456789abcdef","expires_in":1e40}"""),
        "json array" => FakeReply.Json(200, "[]"),
        "truncated" => FakeReply.Truncated(200, """{"access_token":"0123456789abcdef""", 200),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
