using System.Text.Json.Nodes;
using System.Web;
using TeGen.Sandbox.Tests.Support;

namespace TeGen.Sandbox.Tests.Auth;

public sealed class AuthorizationCodeTests
{
    [Fact]
    public async Task Authorize_redirects_to_the_redirect_uri_with_a_code_and_the_state()
    {
        await using var api = await TestApi.StartAsync();

        var location = await api.AuthorizeAsync();
        var query = HttpUtility.ParseQueryString(location.Query);

        Assert.StartsWith(TestApi.RedirectUri + "?", location.ToString(), StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{40}$", query["code"]);
        Assert.Equal("state-42", query["state"]);
    }

    [Fact]
    public async Task The_code_exchange_issues_a_user_token_with_a_refresh_token_and_the_token_acts_as_the_user()
    {
        await using var api = await TestApi.StartAsync();

        var reply = (await api.ExchangeCodeAsync(await api.CodeAsync("john-smith-acme"))).Expect(200);
        var token = reply.Text("access_token");

        Assert.Matches("^[0-9a-f]{40}$", reply.Text("refresh_token"));
        Assert.Equal("bearer", reply.Text("token_type"));

        // No owner needed As User: the contact belongs to the signed-in user.
        await api.CreateAsync("v1/contacts", token, Bodies.Contact(owner: null));
        Assert.Equal(102, Assert.Single(api.Sandbox.Inspector.GetState().Contacts).OwnerId);
        (await api.GetAsync("v1/users", token)).Expect(403);
    }

    [Fact]
    public async Task A_code_can_be_used_once()
    {
        await using var api = await TestApi.StartAsync();
        var code = await api.CodeAsync();

        (await api.ExchangeCodeAsync(code)).Expect(200);
        (await api.ExchangeCodeAsync(code)).ExpectError(400, "invalid_grant");
    }

    [Fact]
    public async Task An_expired_code_gets_invalid_grant()
    {
        var clock = TestClock.At8();
        await using var api = await TestApi.StartAsync(options =>
        {
            options.TimeProvider = clock;
            options.AuthorizationCodeLifetime = TimeSpan.FromSeconds(30);
        });
        var code = await api.CodeAsync();

        clock.Advance(TimeSpan.FromSeconds(31));

        var reply = (await api.ExchangeCodeAsync(code)).ExpectError(400, "invalid_grant");
        Assert.Contains("expired", reply.Text("error_description"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("https://other.example/callback")]
    public async Task A_redirect_uri_given_on_authorize_must_be_repeated_identically(string? redirectUri)
    {
        await using var api = await TestApi.StartAsync();

        (await api.ExchangeCodeAsync(await api.CodeAsync(), redirectUri)).ExpectError(400, "redirect_uri_mismatch");
    }

    [Fact]
    public async Task A_code_issued_to_another_client_gets_invalid_grant()
    {
        await using var api = await TestApi.StartAsync(options => options.Organizations.Add(SecondOrganization()));

        (await api.ExchangeCodeAsync(await api.CodeAsync(), clientId: "beta-client", clientSecret: "beta-secret")).ExpectError(400, "invalid_grant");
    }

    [Fact]
    public async Task A_refresh_issues_a_new_token_for_the_same_user_and_retires_the_old_refresh_token()
    {
        await using var api = await TestApi.StartAsync();
        var first = (await api.ExchangeCodeAsync(await api.CodeAsync("maria-garcia-acme"))).Expect(200);
        var refresh = new JsonObject { ["grant_type"] = "refresh_token", ["refresh_token"] = first.Text("refresh_token") };

        var second = (await api.RequestTokenAsync(refresh.ToJsonString())).Expect(200);

        Assert.NotEqual(first.Text("access_token"), second.Text("access_token"));
        Assert.NotEqual(first.Text("refresh_token"), second.Text("refresh_token"));
        await api.CreateAsync("v1/contacts", second.Text("access_token"), Bodies.Contact(owner: null));
        Assert.Equal(103, Assert.Single(api.Sandbox.Inspector.GetState().Contacts).OwnerId);
        (await api.RequestTokenAsync(refresh.ToJsonString())).ExpectError(400, "invalid_grant");
    }

    [Fact]
    public async Task Without_rotation_the_refresh_token_stays_valid_and_is_not_reissued()
    {
        await using var api = await TestApi.StartAsync(options => options.RotateRefreshTokens = false);
        var first = (await api.ExchangeCodeAsync(await api.CodeAsync())).Expect(200);
        var refresh = new JsonObject { ["grant_type"] = "refresh_token", ["refresh_token"] = first.Text("refresh_token") }.ToJsonString();

        Assert.False((await api.RequestTokenAsync(refresh)).Expect(200).Object.ContainsKey("refresh_token"));
        (await api.RequestTokenAsync(refresh)).Expect(200);
    }

    [Fact]
    public async Task A_refresh_token_expires_after_two_weeks()
    {
        var clock = TestClock.At8();
        await using var api = await TestApi.StartAsync(options => options.TimeProvider = clock);
        var first = (await api.ExchangeCodeAsync(await api.CodeAsync())).Expect(200);
        var refresh = new JsonObject { ["grant_type"] = "refresh_token", ["refresh_token"] = first.Text("refresh_token") }.ToJsonString();

        clock.Advance(TimeSpan.FromDays(14));

        var reply = (await api.RequestTokenAsync(refresh)).ExpectError(400, "invalid_grant");
        Assert.Contains("expired", reply.Text("error_description"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_refresh_token_gets_invalid_grant()
    {
        await using var api = await TestApi.StartAsync();

        (await api.RequestTokenAsync("""{"grant_type":"refresh_token","refresh_token":"nope"}""")).ExpectError(400, "invalid_grant");
    }

    [Fact]
    public async Task A_user_seeded_to_deny_is_redirected_with_access_denied_and_the_state()
    {
        await using var api = await TestApi.StartAsync(options =>
            options.Organizations[0].Users.Add(new SandboxUser { Id = 199, Email = "no@acme.example", Username = "no-acme", DeniesAuthorization = true }));

        var query = HttpUtility.ParseQueryString((await api.AuthorizeAsync("no-acme")).Query);

        Assert.Equal("access_denied", query["error"]);
        Assert.Equal("state-42", query["state"]);
        Assert.Null(query["code"]);
    }

    [Fact]
    public async Task A_login_hint_naming_nobody_is_denied()
    {
        await using var api = await TestApi.StartAsync();

        var query = HttpUtility.ParseQueryString((await api.AuthorizeAsync("ghost")).Query);

        Assert.Equal("access_denied", query["error"]);
    }

    [Theory]
    [InlineData("jane.doe@acme.example")]
    [InlineData("EMP-1001")]
    [InlineData("101")]
    [InlineData(null)]
    public async Task The_login_hint_names_a_user_by_email_external_id_or_id_and_defaults_to_the_first_user(string? hint)
    {
        await using var api = await TestApi.StartAsync();
        var code = HttpUtility.ParseQueryString((await api.AuthorizeAsync(hint)).Query)["code"]!;
        var token = (await api.ExchangeCodeAsync(code)).Expect(200).Text("access_token");

        await api.CreateAsync("v1/contacts", token, Bodies.Contact(owner: null));

        Assert.Equal(101, Assert.Single(api.Sandbox.Inspector.GetState().Contacts).OwnerId);
    }

    [Fact]
    public async Task An_unsupported_response_type_is_reported_on_the_redirect()
    {
        await using var api = await TestApi.StartAsync();

        var query = HttpUtility.ParseQueryString((await api.AuthorizeAsync(responseType: "token")).Query);

        Assert.Equal("unsupported_response_type", query["error"]);
    }

    [Fact]
    public async Task An_unknown_client_id_gets_a_400_instead_of_a_redirect()
    {
        await using var api = await TestApi.StartAsync();

        var reply = await api.GetAsync($"v1/authorize?response_type=code&client_id=nobody&redirect_uri={Uri.EscapeDataString(TestApi.RedirectUri)}&scope=leadInteraction", null);

        reply.ExpectError(400, "invalid_client");
    }

    [Fact]
    public async Task Registered_redirect_uris_are_enforced_and_used_when_none_is_given()
    {
        await using var api = await TestApi.StartAsync(options => options.Organizations[0].RedirectUris.Add("https://registered.example/cb"));

        var mismatch = await api.GetAsync($"v1/authorize?response_type=code&client_id=tegen-sandbox-client&redirect_uri={Uri.EscapeDataString(TestApi.RedirectUri)}&scope=leadInteraction", null);
        var location = await api.AuthorizeAsync(redirectUri: null);
        var code = HttpUtility.ParseQueryString(location.Query)["code"]!;

        mismatch.ExpectError(400, "redirect_uri_mismatch");
        Assert.StartsWith("https://registered.example/cb?", location.ToString(), StringComparison.Ordinal);

        // Not given on authorize, so not needed on the token request.
        (await api.ExchangeCodeAsync(code, redirectUri: null)).Expect(200);
    }

    internal static SandboxOrganization SecondOrganization() => new()
    {
        Name = "Beta Bank",
        ClientId = "beta-client",
        ClientSecret = "beta-secret",
        Scopes = ["leadInteraction", "leadSurveyInteraction", "getUsers", "describeSchema"],
        Users = [new SandboxUser { Id = 201, Email = "bob.beta@beta.example", Username = "bob-beta-beta", ExternalId = "B-1" }],
    };
}
