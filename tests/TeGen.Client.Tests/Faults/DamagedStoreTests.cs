using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using TeGen.Client.Auth;
using TeGen.Client.Http;
using TeGen.Client.Tests.Support;

namespace TeGen.Client.Tests.Faults;

/// <summary>
/// Damaged token-store files (a crashed writer, a hand edit, another version's format) are discarded with a warning
/// and cost at most one token request; they never fail calls and never lock the client out.
/// </summary>
public sealed class DamagedStoreTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "tegen-damaged-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    public static TheoryData<string> DamagedTokens() =>
    [
        """{"AccessToken":"abc","ExpiresAt":99999999999999}""",
        """{"AccessToken":"abc","ExpiresAt":-62135596800}""",
        """{"AccessToken":"abc","ExpiresAt":-1}""",
        """{"AccessToken":"abc","ExpiresAt":"tomorrow"}""",
        """{"AccessToken":null,"ExpiresAt":1900000000}""",
        """{}""",
        """[1,2,3]""",
        "null",
        "garbage \u0000\u00ff",
        "",
    ];

    [Theory]
    [MemberData(nameof(DamagedTokens))]
    public async Task A_damaged_token_entry_is_replaced_with_one_token_request(string damaged)
    {
        await using var te = new FakeTe(r => r.Path == "/v1/contacts" ? FakeReply.EmptyPage() : null);
        var logs = new CapturingLoggerFactory();
        using var connection = await ConnectOverDamagedAsync(te, o => TokenStoreKeys.Token(o.BaseUrl, o.ClientId!, "client_credentials:"), damaged, new FakeTimeProvider(Start), logs);

        await connection.CreateAdminClient().Contacts.ListContactsAsync(1, 1, null, null);
        await connection.CreateAdminClient().Contacts.ListContactsAsync(1, 1, null, null);

        Assert.Equal(1, te.TokenRequests);
        Assert.Contains(logs.Lines, line => line.StartsWith(nameof(LogLevel.Warning), StringComparison.Ordinal) && line.Contains("damaged", StringComparison.Ordinal));
    }

    public static TheoryData<string> DamagedBudgets() =>
    [
        "garbage",
        "[99999999999999999]",
        "[-99999999999999999]",
        $"[{Start.AddYears(1).ToUnixTimeMilliseconds()},{Start.AddYears(1).ToUnixTimeMilliseconds()}]",
        "{\"spent\":2}",
        "null",
        "",
    ];

    [Theory]
    [MemberData(nameof(DamagedBudgets))]
    public async Task A_damaged_budget_entry_costs_at_most_one_token_request_and_does_not_lock_the_client_out(string damaged)
    {
        await using var te = new FakeTe(r => r.Path == "/v1/contacts" ? FakeReply.EmptyPage() : null);
        var time = new FakeTimeProvider(Start);
        using var connection = await ConnectOverDamagedAsync(te, TokenStoreKeys.Budget, damaged, time);
        var admin = connection.CreateAdminClient();

        await admin.Contacts.ListContactsAsync(1, 1, null, null);
        Assert.Equal(1, te.TokenRequests);

        // The damage allowed that one request this hour and no more: the budget is conservative, not lifted.
        await admin.Tokens.InvalidateAsync((await admin.Tokens.GetTokenAsync()).Value);
        await Assert.ThrowsAsync<TokenBudgetExceededException>(() => admin.Contacts.ListContactsAsync(1, 1, null, null));

        // And it heals: an hour later (and a day later) tokens are requested normally.
        time.Advance(TimeSpan.FromHours(1));
        await admin.Contacts.ListContactsAsync(1, 1, null, null);
        time.Advance(TimeSpan.FromHours(25));
        await admin.Contacts.ListContactsAsync(1, 1, null, null);
        Assert.Equal(3, te.TokenRequests);
    }

    // A connection on a file store in which the entry under key(options) holds the damaged text.
    private async Task<TotalExpertConnection> ConnectOverDamagedAsync(FakeTe te, Func<TotalExpertClientOptions, string> key, string damaged, TimeProvider time, CapturingLoggerFactory? logs = null)
    {
        var store = new FileTokenStore(_directory);
        var options = FakeTeClients.Options(te);
        await store.SetAsync(key(options), damaged, Start.AddDays(1));
        return new TotalExpertConnection(options, store, time, logs, new TeRateLimiterRegistry());
    }
}
