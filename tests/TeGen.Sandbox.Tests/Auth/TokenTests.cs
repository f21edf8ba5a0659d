using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TeGen.Sandbox.Tests.Support;

namespace TeGen.Sandbox.Tests.Auth;

public sealed partial class TokenTests
{
    [GeneratedRegex("^[0-9a-f]{40}$")]
    private static partial Regex OpaqueToken();

    [Fact]
    public async Task Client_credentials_with_basic_header_and_json_body_issue_an_opaque_bearer_token()
    {
        await using var api = await TestApi.StartAsync();

        var reply = (await api.RequestTokenAsync("""{"grant_type":"client_credentials"}""")).Expect(200);

        Assert.Matches(OpaqueToken(), reply.Text("access_token"));
        Assert.Equal("bearer", reply.Text("token_type"));
        Assert.Equal(3600, reply.Json!["expires_in"]!.GetValue<int>());
        Assert.Equal(TestApi.AllScopes, reply.Text("scope"));
        Assert.False(reply.Object.ContainsKey("refresh_token"));
    }

    [Fact]
    public async Task A_form_encoded_body_is_accepted()
    {
        await using var api = await TestApi.StartAsync();

        var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" });

        (await api.RequestTokenAsync(form)).Expect(200);
    }

    [Fact]
    public async Task Credentials_in_the_body_are_accepted()
    {
        await using var api = await TestApi.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/token")
        {
            Content = new StringContent(
                """{"grant_type":"client_credentials","client_id":"tegen-sandbox-client","client_secret":"tegen-sandbox-secret"}""",
                System.Text.Encoding.UTF8,
                "application/json"),
        };

        using var response = await api.Http.SendAsync(request);

        (await Reply.ReadAsync(response)).Expect(200);
    }

    [Fact]
    public async Task A_requested_scope_limits_the_token()
    {
        await using var api = await TestApi.StartAsync();

        var reply = (await api.RequestTokenAsync("""{"grant_type":"client_credentials","scope":"leadInteraction"}""")).Expect(200);
        var token = reply.Text("access_token");

        Assert.Equal("leadInteraction", reply.Text("scope"));
        (await api.GetAsync("v1/contacts", token)).Expect(200);
        var refused = (await api.GetAsync("v1/users", token)).ExpectError(401, "insufficient_scope");
        Assert.NotNull(refused.Json!["error_description"]);
    }

    [Fact]
    public async Task A_scope_the_client_was_not_given_is_refused()
    {
        await using var api = await TestApi.StartAsync();

        (await api.RequestTokenAsync("""{"grant_type":"client_credentials","scope":"loanInteraction"}""")).ExpectError(400, "invalid_scope");
    }

    [Theory]
    [InlineData("tegen-sandbox-client", "wrong-secret")]
    [InlineData("unknown-client", "tegen-sandbox-secret")]
    public async Task Bad_client_credentials_get_invalid_client_400(string clientId, string secret)
    {
        await using var api = await TestApi.StartAsync();

        var reply = (await api.RequestTokenAsync("""{"grant_type":"client_credentials"}""", clientId, secret)).ExpectError(400, "invalid_client");

        Assert.Contains("invalid", reply.Text("error_description"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Missing_client_credentials_get_invalid_client()
    {
        await using var api = await TestApi.StartAsync();

        var reply = await api.SendAsync(HttpMethod.Post, "v1/token", body: """{"grant_type":"client_credentials"}""");

        reply.ExpectError(400, "invalid_client");
    }

    [Theory]
    [InlineData("{}", "invalid_request")]
    [InlineData("""{"grant_type":"password"}""", "unsupported_grant_type")]
    public async Task A_missing_or_unsupported_grant_type_is_refused(string body, string error)
    {
        await using var api = await TestApi.StartAsync();

        (await api.RequestTokenAsync(body)).ExpectError(400, error);
    }

    [Fact]
    public async Task A_token_request_that_is_neither_json_nor_form_gets_415()
    {
        await using var api = await TestApi.StartAsync();

        var reply = await api.RequestTokenAsync(new StringContent("grant_type=client_credentials", System.Text.Encoding.UTF8, "text/plain"));

        reply.Expect(415);
    }

    [Fact]
    public async Task Client_credentials_carry_a_refresh_token_only_when_configured_and_it_refreshes_as_admin()
    {
        await using var api = await TestApi.StartAsync(options => options.IssueRefreshTokenForClientCredentials = true);

        var first = (await api.RequestTokenAsync("""{"grant_type":"client_credentials"}""")).Expect(200);
        var refreshed = (await api.RequestTokenAsync(new JsonObject { ["grant_type"] = "refresh_token", ["refresh_token"] = first.Text("refresh_token") })).Expect(200);

        // As Admin: listing users is allowed.
        (await api.GetAsync("v1/users", refreshed.Text("access_token"))).Expect(200);
    }

    [Fact]
    public async Task The_access_token_lifetime_is_configurable()
    {
        await using var api = await TestApi.StartAsync(options => options.AccessTokenLifetime = TimeSpan.FromMinutes(10));

        var reply = (await api.RequestTokenAsync("""{"grant_type":"client_credentials"}""")).Expect(200);

        Assert.Equal(600, reply.Json!["expires_in"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_access_token_expires_after_one_hour_with_invalid_token_401()
    {
        var clock = TestClock.At8();
        await using var api = await TestApi.StartAsync(options => options.TimeProvider = clock);
        var token = await api.AdminTokenAsync();

        clock.Advance(TimeSpan.FromMinutes(59));
        (await api.GetAsync("v1/contacts", token)).Expect(200);
        clock.Advance(TimeSpan.FromMinutes(1));
        var reply = (await api.GetAsync("v1/contacts", token)).ExpectError(401, "invalid_token");

        Assert.Contains("expired", reply.Text("error_description"), StringComparison.Ordinal);
        Assert.StartsWith("Bearer", reply.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0123456789012345678901234567890123456789")]
    [InlineData(null)]
    public async Task An_unknown_or_missing_bearer_token_gets_invalid_token_401(string? token)
    {
        await using var api = await TestApi.StartAsync();

        (await api.GetAsync("v1/contacts", token)).ExpectError(401, "invalid_token");
    }

    [Fact]
    public async Task Teapot_answers_418_to_a_valid_token_and_heartbeat_needs_none()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();

        var teapot = (await api.GetAsync("v1/teapot", token)).Expect(418);
        var heartbeat = (await api.GetAsync("v1/heartbeat", null)).Expect(200);

        Assert.Equal("418 I'm a teapot", teapot.Text("code"));
        Assert.Equal("short and stout", teapot.Text("status"));
        Assert.Equal("Total Expert External API", heartbeat.Text("running_item"));
        (await api.GetAsync("v1/teapot", null)).Expect(401);
    }
}
