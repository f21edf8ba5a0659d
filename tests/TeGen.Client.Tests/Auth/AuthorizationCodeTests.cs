using TeGen.Client.Auth;
using TeGen.Client.Tests.Support;
using TeGen.Sandbox;
using Microsoft.Extensions.Time.Testing;

namespace TeGen.Client.Tests.Auth;

public class AuthorizationCodeTests
{
    [Fact]
    public async Task The_authorize_url_carries_client_scopes_redirect_and_state()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);

        var url = connection.AuthorizationCode.BuildAuthorizeUrl(UserSessions.RedirectUri, "st-123", ["leadInteraction"]);

        Assert.Equal(new Uri(sandbox.BaseUrl, "v1/authorize").AbsolutePath, url.AbsolutePath);
        var query = System.Web.HttpUtility.ParseQueryString(url.Query);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal(sandbox.ClientId, query["client_id"]);
        Assert.Equal(UserSessions.RedirectUri.AbsoluteUri, query["redirect_uri"]);
        Assert.Equal("leadInteraction", query["scope"]);
        Assert.Equal("st-123", query["state"]);
    }

    [Fact]
    public async Task A_user_session_acts_as_the_user_and_is_renewed_with_its_rotated_refresh_token()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var sandbox = await TeSandbox.StartAsync(new TeSandboxOptions { TimeProvider = time });
        var store = new InMemoryTokenStore();
        using var connection = SandboxClients.Connect(sandbox, store: store, time: time);
        var code = await UserSessions.AuthorizeAsync(sandbox, connection);

        var user = await connection.AuthorizationCode.ExchangeCodeAsync("jane", code, UserSessions.RedirectUri);
        var created = await user.Contacts.CreateContactAsync(new NewContact { Source = "app", FirstName = "Bo", LastName = "Yu", Email = "bo@example.com" });
        var first = await user.Tokens.GetTokenAsync();

        time.Advance(TimeSpan.FromMinutes(58));
        var contact = await connection.CreateUserClient("jane").Contacts.GetContactAsync(created.Id);
        var renewed = await user.Tokens.GetTokenAsync();

        Assert.Equal(created.Id, contact.Id);
        Assert.NotEqual(first.Value, renewed.Value);
        Assert.NotNull(renewed.RefreshToken);
        Assert.NotEqual(first.RefreshToken, renewed.RefreshToken);
        Assert.Equal(2, sandbox.Inspector.GetRequestStats().TokenRequests);
    }

    [Fact]
    public async Task A_user_without_a_session_gets_a_clear_error_and_nothing_is_sent()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);

        var e = await Assert.ThrowsAsync<TotalExpertAuthenticationException>(() => connection.CreateUserClient("nobody").Contacts.ListContactsAsync(1, 1, null, null));

        Assert.Contains("authorization-code flow", e.Message);
        Assert.False(e.MayHaveBeenProcessed);
        Assert.Equal(0, sandbox.Inspector.GetRequestStats().TotalRequests);
    }

    [Fact]
    public async Task Users_without_a_session_spend_no_token_budget_so_the_admin_client_still_gets_its_token()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox); // 2 token requests per hour

        for (var i = 0; i < 3; i++)
        {
            await Assert.ThrowsAsync<TotalExpertAuthenticationException>(() => connection.CreateUserClient("nobody-" + i).Contacts.ListContactsAsync(1, 1, null, null));
        }

        await connection.CreateAdminClient().Contacts.ListContactsAsync(1, 1, null, null);
        Assert.Equal(1, sandbox.Inspector.GetRequestStats().TokenRequests);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public async Task A_user_client_needs_a_user_key(string? userKey)
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);

        var e = Assert.ThrowsAny<ArgumentException>(() => connection.CreateUserClient(userKey!));

        Assert.Equal("userKey", e.ParamName);
    }
}
