using TeGen.Client.Tests.Support;

namespace TeGen.Client.Tests.Http;

/// <summary>
/// The handlers act on what the spec says of an operation (its <see cref="TeOperation"/>), not on its path: an operation
/// the SDK has never heard of ("widgets") gets authentication, retry safety and success statuses from its descriptor
/// alone, which is what adding an operation to the spec produces.
/// </summary>
public class OperationDescriptorTests
{
    private static TeOperation Widget(string method = "POST", bool auth = true, bool deduplicated = false, int[]? success = null) =>
        new("CreateWidget", method, "v1/widgets", auth, success ?? [200, 201], deduplicated, paged: false, ownerRequiredAsAdmin: false);

    [Theory]
    [InlineData(true, 2)]
    [InlineData(false, 1)]
    public async Task A_POST_is_repeated_after_a_503_only_when_its_operation_is_deduplicated(bool deduplicated, int expectedAttempts)
    {
        var failures = 1;
        await using var te = new FakeTe(r => r.Path == "/v1/widgets" && Interlocked.Decrement(ref failures) >= 0 ? FakeReply.Json(503, "{}") : r.Path == "/v1/widgets" ? FakeReply.Json(201, """{"id":7}""") : null);
        using var connection = FakeTeClients.Connect(te);

        var send = SendAsync(connection, Widget(deduplicated: deduplicated));

        if (deduplicated)
        {
            using var response = await send;
            Assert.Equal(201, (int)response.StatusCode);
        }
        else
        {
            var e = await Assert.ThrowsAsync<TotalExpertServerException>(() => send);
            Assert.True(e.MayHaveBeenProcessed);
        }

        Assert.Equal(expectedAttempts, te.Count("POST", "/v1/widgets"));
    }

    [Fact]
    public async Task An_operation_without_security_is_sent_without_a_token()
    {
        await using var te = new FakeTe(_ => null);
        using var connection = FakeTeClients.Connect(te);

        using var response = await SendAsync(connection, Widget("GET", auth: false));

        Assert.Equal(0, te.TokenRequests);
        Assert.False(te.Requests.Single().Headers.ContainsKey("Authorization"));
    }

    [Fact]
    public async Task A_status_the_spec_declares_a_success_is_not_an_error()
    {
        await using var te = new FakeTe(r => r.Path == "/v1/widgets" ? FakeReply.Json(418, """{"status":"short and stout"}""") : null);
        using var connection = FakeTeClients.Connect(te);

        using var success = await SendAsync(connection, Widget("GET", success: [418]));
        Assert.Equal(418, (int)success.StatusCode);

        await Assert.ThrowsAnyAsync<TotalExpertApiException>(() => SendAsync(connection, Widget("GET")));
    }

    private static Task<HttpResponseMessage> SendAsync(TotalExpertConnection connection, TeOperation operation)
    {
        var request = new HttpRequestMessage(operation.Method, operation.Path);
        if (operation.Method == HttpMethod.Post)
        {
            request.Content = new ByteArrayContent("""{"name":"blue"}"""u8.ToArray());
        }

        request.Options.Set(TeOperation.Key, operation);
        return connection.CreateAdminClient().Http.SendAsync(request);
    }
}
