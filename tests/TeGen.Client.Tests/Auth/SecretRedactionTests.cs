using TeGen.Client.Auth;
using TeGen.Client.Tests.Support;
using TeGen.Sandbox;
using TeGen.Sandbox.Faults;

namespace TeGen.Client.Tests.Auth;

public class SecretRedactionTests
{
    [Fact]
    public async Task No_log_line_holds_the_client_secret_or_a_token()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        var loggers = new CapturingLoggerFactory();
        var store = new InMemoryTokenStore();
        using var connection = SandboxClients.Connect(sandbox, store: store, loggers: loggers);
        var admin = connection.CreateAdminClient();

        // Exercise every path that logs: token request, calls, a retry, a TE error, a 401 renewal.
        await admin.Contacts.ListContactsAsync(1, 1, null, null);
        sandbox.Faults.Set(new FaultSettings { Rules = [FaultRule.ServerErrors(1, 503) with { Count = 1 }] });
        await admin.Contacts.ListContactsAsync(1, 1, null, null);
        await Assert.ThrowsAsync<TotalExpertNotFoundException>(() => admin.Contacts.GetContactAsync(424242));
        var first = await connection.AdminTokens.GetTokenAsync();
        await connection.AdminTokens.StoreAsync(new AccessToken(new string('0', 40), DateTimeOffset.UtcNow.AddHours(1)), default);
        using var second = SandboxClients.Connect(sandbox, store: store, loggers: loggers);
        await second.CreateAdminClient().Contacts.ListContactsAsync(1, 1, null, null);
        var renewed = await second.AdminTokens.GetTokenAsync();

        Assert.NotEqual(first.Value, renewed.Value);
        Assert.NotEmpty(loggers.Lines);
        Assert.Contains(loggers.Lines, l => l.Contains("Retrying TE GET /v1/contacts"));
        Assert.All(loggers.Lines, line =>
        {
            Assert.DoesNotContain(sandbox.ClientSecret, line);
            Assert.DoesNotContain(first.Value, line);
            Assert.DoesNotContain(renewed.Value, line);
            Assert.DoesNotContain(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{sandbox.ClientId}:{sandbox.ClientSecret}")), line);
        });
        Assert.DoesNotContain(first.Value, first.ToString());
    }

    [Fact]
    public async Task A_user_session_refresh_token_never_reaches_the_logs()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        var loggers = new CapturingLoggerFactory();
        using var connection = SandboxClients.Connect(sandbox, loggers: loggers);
        var code = await UserSessions.AuthorizeAsync(sandbox, connection);

        var user = await connection.AuthorizationCode.ExchangeCodeAsync("jane", code, UserSessions.RedirectUri);
        await user.Contacts.ListContactsAsync(1, 1, null, null);
        var token = await user.Tokens.GetTokenAsync();

        Assert.NotNull(token.RefreshToken);
        Assert.All(loggers.Lines, line =>
        {
            Assert.DoesNotContain(token.RefreshToken!, line);
            Assert.DoesNotContain(token.Value, line);
            Assert.DoesNotContain(code, line);
        });
    }
}
