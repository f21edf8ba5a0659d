using Microsoft.Extensions.Time.Testing;
using TeGen.Client.Auth;
using TeGen.Client.Http;
using TeGen.Client.Tests.Support;
using TeGen.Sandbox;
using TeGen.Sandbox.Faults;
using Xunit.Abstractions;

namespace TeGen.Client.Tests.Http;

public class RateLimitingTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_thousand_calls_from_several_clients_stay_under_a_scaled_down_limit_without_a_429()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
        await using var sandbox = await TeSandbox.StartAsync(new TeSandboxOptions
        {
            TimeProvider = time,
            RequestLogCapacity = 5000,
            RateLimits = new RateLimitOptions { RequestLimit = 100, RequestWindow = TimeSpan.FromMinutes(1) },
        });

        // Several connections in one process share the egress and the token store, so one limiter and one token.
        var limiters = new TeRateLimiterRegistry();
        var store = new InMemoryTokenStore();
        var connections = Enumerable.Range(0, 4)
            .Select(_ => SandboxClients.Connect(
                sandbox,
                o =>
                {
                    o.RateLimit.RequestsPerWindow = 100;
                    // The test clock runs fast while requests are in flight; real seconds become fake minutes.
                    o.Transport.AttemptTimeout = TimeSpan.FromHours(1);
                    // 1000 calls queued at once at 100 per minute wait up to 10 minutes, and queue time counts.
                    o.Retry.MaxTotalTime = TimeSpan.FromHours(1);
                },
                store,
                time,
                limiters: limiters))
            .ToList();
        var clients = connections.Select(c => c.CreateAdminClient()).ToList();

        var calls = Enumerable.Range(0, 1000).Select(i => clients[i % clients.Count].Contacts.ListContactsAsync(1, 1, null, null)).ToList();
        var all = Task.WhenAll(calls);
        while (!all.IsCompleted)
        {
            // Moves the shared clock while requests wait for permits; each step is like network time passing.
            time.Advance(TimeSpan.FromMilliseconds(500));
            await Task.Delay(1);
        }

        await all;
        var stats = sandbox.Inspector.GetRequestStats();
        Assert.Equal(0, stats.TooManyRequests);
        Assert.Equal(1001, stats.TotalRequests);
        Assert.Equal(1, stats.TokenRequests);
        var busiestWindow = stats.Recent
            .GroupBy(r => r.Timestamp.UtcTicks / TimeSpan.FromMinutes(1).Ticks)
            .Max(window => window.Count());
        output.WriteLine($"1000 calls, 4 clients, limit 100/min: {stats.TooManyRequests} x 429, {stats.TokenRequests} token request(s), busiest window {busiestWindow}, fake time {time.GetUtcNow() - stats.Recent[0].Timestamp}");
        Assert.InRange(busiestWindow, 90, 100);
        connections.ForEach(c => c.Dispose());
    }

    [Fact]
    public async Task A_429_burst_pauses_callers_for_Retry_After_and_every_call_still_succeeds()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox, o => o.Retry.MaxDelay = TimeSpan.FromSeconds(2));
        var admin = connection.CreateAdminClient();
        await admin.Contacts.ListContactsAsync(1, 1, null, null);

        sandbox.Faults.Set(new FaultSettings { Rules = [FaultRule.TooManyRequestsBurst(3, retryAfterSeconds: 1)] });
        var started = DateTimeOffset.UtcNow;
        await Task.WhenAll(Enumerable.Range(0, 5).Select(i => admin.Contacts.CreateContactAsync(SandboxClients.Contact(sandbox, i))));

        var stats = sandbox.Inspector.GetRequestStats();
        Assert.Equal(3, stats.TooManyRequests);
        Assert.Equal(5, sandbox.Inspector.GetState().Contacts.Count);
        Assert.True(DateTimeOffset.UtcNow - started >= TimeSpan.FromSeconds(0.9), "callers did not wait for Retry-After");
    }

    [Fact]
    public async Task With_retries_off_a_429_surfaces_as_a_typed_exception_with_Retry_After()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox, o => o.Retry.Enabled = false);
        var admin = connection.CreateAdminClient();
        await admin.Contacts.ListContactsAsync(1, 1, null, null);
        sandbox.Faults.Set(new FaultSettings { Rules = [FaultRule.TooManyRequestsBurst(1, retryAfterSeconds: 7)] });

        var e = await Assert.ThrowsAsync<TotalExpertRateLimitException>(() => admin.Contacts.ListContactsAsync(1, 1, null, null));

        Assert.Equal(429, e.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), e.RetryAfter);
        Assert.Equal("GET /v1/contacts", e.Operation);
    }
}
