using Microsoft.Extensions.Time.Testing;
using TeGen.Client.Auth;
using TeGen.Client.Tests.Support;
using TeGen.Sandbox;

namespace TeGen.Client.Tests.Auth;

/// <summary>TE allows 2 token requests per hour: the cache, single-flight and budget keep the SDK inside that.</summary>
public class TokenCacheTests
{
    [Fact]
    public async Task Sixty_four_concurrent_first_calls_send_one_token_request()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var clients = Enumerable.Range(0, 4).Select(_ => connection.CreateAdminClient()).ToList();

        await Task.WhenAll(Enumerable.Range(0, 64).Select(i => clients[i % 4].Contacts.ListContactsAsync(1, 1, null, null)));

        var stats = sandbox.Inspector.GetRequestStats();
        Assert.Equal(1, stats.TokenRequests);
        Assert.Equal(65, stats.TotalRequests);
    }

    [Fact]
    public async Task A_new_connection_on_the_same_file_store_reuses_the_token()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        var directory = Path.Combine(Path.GetTempPath(), "tegen-tokens-" + Guid.NewGuid().ToString("N"));
        try
        {
            using (var first = SandboxClients.Connect(sandbox, store: new FileTokenStore(directory)))
            {
                await first.CreateAdminClient().Contacts.ListContactsAsync(1, 1, null, null);
            }

            // A restarted process: new connection, new store instance, same directory.
            using (var restarted = SandboxClients.Connect(sandbox, store: new FileTokenStore(directory)))
            {
                await restarted.CreateAdminClient().Contacts.ListContactsAsync(1, 1, null, null);
            }

            Assert.Equal(1, sandbox.Inspector.GetRequestStats().TokenRequests);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(directory));
                foreach (var file in Directory.GetFiles(directory))
                {
                    Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
                }
            }

            Assert.All(Directory.GetFiles(directory), file => Assert.DoesNotContain(sandbox.ClientSecret, File.ReadAllText(file)));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task A_second_process_sharing_a_distributed_cache_reuses_the_token()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        var cache = new Microsoft.Extensions.Caching.Distributed.MemoryDistributedCache(
            Microsoft.Extensions.Options.Options.Create(new Microsoft.Extensions.Caching.Memory.MemoryDistributedCacheOptions()));
        using (var first = SandboxClients.Connect(sandbox, store: new DistributedCacheTokenStore(cache)))
        {
            await first.CreateAdminClient().Contacts.ListContactsAsync(1, 1, null, null);
        }

        using var second = SandboxClients.Connect(sandbox, store: new DistributedCacheTokenStore(cache));
        await second.CreateAdminClient().Contacts.ListContactsAsync(1, 1, null, null);

        Assert.Equal(1, sandbox.Inspector.GetRequestStats().TokenRequests);
    }

    [Fact]
    public async Task A_new_client_instance_in_the_same_process_reuses_the_token()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        var store = new InMemoryTokenStore();
        using (var first = SandboxClients.Connect(sandbox, store: store))
        {
            await first.CreateAdminClient().Contacts.ListContactsAsync(1, 1, null, null);
        }

        using var second = SandboxClients.Connect(sandbox, store: store);
        await second.CreateAdminClient().Contacts.ListContactsAsync(1, 1, null, null);
        Assert.Equal(1, sandbox.Inspector.GetRequestStats().TokenRequests);
    }

    [Fact]
    public async Task A_token_expiring_mid_run_is_renewed_once_and_calls_go_on()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var sandbox = await TeSandbox.StartAsync(new TeSandboxOptions { TimeProvider = time });
        using var connection = SandboxClients.Connect(sandbox, time: time);
        var admin = connection.CreateAdminClient();

        await admin.Contacts.ListContactsAsync(1, 1, null, null);
        time.Advance(TimeSpan.FromMinutes(50));
        await admin.Contacts.ListContactsAsync(1, 1, null, null);
        Assert.Equal(1, sandbox.Inspector.GetRequestStats().TokenRequests);

        // Inside the renewal margin (5 minutes before the hour): renewed ahead of expiry, once.
        time.Advance(TimeSpan.FromMinutes(6));
        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => admin.Contacts.ListContactsAsync(1, 1, null, null)));
        time.Advance(TimeSpan.FromMinutes(30));
        await admin.Contacts.ListContactsAsync(1, 1, null, null);

        var stats = sandbox.Inspector.GetRequestStats();
        Assert.Equal(2, stats.TokenRequests);
        Assert.Equal(0, stats.TooManyRequests);
        Assert.DoesNotContain(stats.Recent, r => r.Status == 401);
    }

    [Fact]
    public async Task A_token_TE_no_longer_accepts_is_renewed_once_on_401()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        var store = new InMemoryTokenStore();
        using (var first = SandboxClients.Connect(sandbox, store: store))
        {
            await first.CreateAdminClient().Contacts.ListContactsAsync(1, 1, null, null);

            // The shared store now holds a token TE does not accept (revoked, or from another environment).
            await first.AdminTokens.StoreAsync(new AccessToken(new string('0', 40), DateTimeOffset.UtcNow.AddHours(1)), default);
        }

        using var second = SandboxClients.Connect(sandbox, store: store);
        var admin = second.CreateAdminClient();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => admin.Contacts.ListContactsAsync(1, 1, null, null)));

        var stats = sandbox.Inspector.GetRequestStats();
        Assert.Equal(2, stats.TokenRequests);
        Assert.InRange(stats.Recent.Count(r => r.Status == 401), 1, 8);
    }

    [Fact]
    public async Task A_third_token_request_within_the_hour_is_refused_before_sending()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        var store = new InMemoryTokenStore();

        // Three scope sets are three cached tokens, but one client id and so one budget.
        using var a = SandboxClients.Connect(sandbox, o => o.Scopes = ["leadInteraction"], store);
        using var b = SandboxClients.Connect(sandbox, o => o.Scopes = ["leadInteraction", "getUsers"], store);
        using var c = SandboxClients.Connect(sandbox, o => o.Scopes = ["leadInteraction", "describeSchema"], store);
        await a.CreateAdminClient().Contacts.ListContactsAsync(1, 1, null, null);
        await b.CreateAdminClient().Contacts.ListContactsAsync(1, 1, null, null);

        var refused = await Assert.ThrowsAsync<TokenBudgetExceededException>(() => c.CreateAdminClient().Contacts.ListContactsAsync(1, 1, null, null));

        Assert.Equal(2, refused.MaxPerHour);
        Assert.InRange(refused.NextAllowedAt, DateTimeOffset.UtcNow.AddMinutes(59), DateTimeOffset.UtcNow.AddMinutes(61));
        Assert.Contains("Nothing was sent", refused.Message);
        var stats = sandbox.Inspector.GetRequestStats();
        Assert.Equal(2, stats.TokenRequests);
        Assert.Equal(0, stats.TooManyRequests);
    }

    [Fact]
    public async Task Bad_credentials_surface_as_a_typed_authentication_error_with_TE_text()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox, o => o.ClientSecret = "wrong-secret");

        var e = await Assert.ThrowsAsync<TotalExpertAuthenticationException>(() => connection.CreateAdminClient().Contacts.ListContactsAsync(1, 1, null, null));

        Assert.Equal(400, e.StatusCode);
        Assert.Equal("invalid_client", e.TeError);
        Assert.NotNull(e.TeErrorDescription);
        Assert.Equal("POST /v1/token", e.Operation);
        Assert.DoesNotContain("wrong-secret", e.ToString());
    }
}
