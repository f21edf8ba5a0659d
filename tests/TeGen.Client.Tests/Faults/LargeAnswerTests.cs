using TeGen.Client.Tests.Support;

namespace TeGen.Client.Tests.Faults;

[CollectionDefinition(nameof(AllocationMeasuring), DisableParallelization = true)]
public sealed class AllocationMeasuring;

/// <summary>
/// A huge answer costs a bounded amount of memory: error bodies are read only up to their first kilobytes, and a
/// success body over MaxResponseBytes is refused unread. Allocation is measured process-wide, so these tests run
/// alone (their collection disables parallelization).
/// </summary>
[Collection(nameof(AllocationMeasuring))]
public class LargeAnswerTests
{
    private const long FiftyMegabytes = 50L * 1024 * 1024;

    // Generous against noise (the runtime, the fake server's own buffers), tiny against 50 MB.
    private const long Bound = 8L * 1024 * 1024;

    public static TheoryData<int, bool, Type> ErrorCases() => new()
    {
        { 500, true, typeof(TotalExpertServerException) },
        { 500, false, typeof(TotalExpertServerException) },
        { 401, true, typeof(TotalExpertAuthenticationException) },
        { 422, false, typeof(TotalExpertValidationException) },
    };

    [Theory]
    [MemberData(nameof(ErrorCases))]
    public async Task A_50_MB_error_body_is_read_bounded_and_typed(int status, bool announceLength, Type expected)
    {
        await using var te = new FakeTe(r => r.Path == "/v1/contacts" ? FakeReply.Huge(status, FiftyMegabytes, announceLength) : null);
        using var connection = FakeTeClients.Connect(te, o => o.Retry.Enabled = false);
        var admin = connection.CreateAdminClient();
        await admin.Tokens.GetTokenAsync(); // the token exchange is not what is measured

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var e = await Assert.ThrowsAsync(expected, () => admin.Contacts.ListContactsAsync(1, 1, null, null));
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.Equal(status, ((TotalExpertApiException)e).StatusCode);
        Assert.True(allocated < Bound, $"{allocated / 1024 / 1024.0:0.0} MB allocated for a 50 MB {status}");
        Assert.True(((TotalExpertApiException)e).Response!.Length <= 16 * 1024);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_success_body_over_MaxResponseBytes_is_refused_with_a_typed_error(bool announceLength)
    {
        await using var te = new FakeTe(r => r.Path == "/v1/contacts" ? FakeReply.Huge(200, FiftyMegabytes, announceLength) : null);
        using var connection = FakeTeClients.Connect(te, o =>
        {
            o.Retry.Enabled = false;
            o.Transport.MaxResponseBytes = 1024 * 1024;
        });
        var admin = connection.CreateAdminClient();
        await admin.Tokens.GetTokenAsync();

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var e = await Assert.ThrowsAsync<TotalExpertResponseTooLargeException>(() => admin.Contacts.ListContactsAsync(1, 1, null, null));
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.Equal(1024 * 1024, e.Limit);
        Assert.Contains("TotalExpert:Transport:MaxResponseBytes", e.Message);
        Assert.True(allocated < Bound, $"{allocated / 1024 / 1024.0:0.0} MB allocated");
    }

    [Fact]
    public async Task A_cap_equal_to_the_error_body_limit_still_refuses_a_longer_success_body()
    {
        await using var te = new FakeTe(r => r.Path == "/v1/contacts" ? FakeReply.Huge(200, 100 * 1024, announceLength: false) : null);
        using var connection = FakeTeClients.Connect(te, o =>
        {
            o.Retry.Enabled = false;
            o.Transport.MaxResponseBytes = TeGen.Client.Http.ResponseBodyHandler.ErrorBodyBytes;
        });

        var e = await Assert.ThrowsAsync<TotalExpertResponseTooLargeException>(() => connection.CreateAdminClient().Contacts.ListContactsAsync(1, 1, null, null));

        Assert.Equal(TeGen.Client.Http.ResponseBodyHandler.ErrorBodyBytes, e.Limit);
    }

    [Fact]
    public async Task A_50_MB_token_error_is_read_bounded()
    {
        await using var te = new FakeTe(r => r.Path == "/v1/token" ? FakeReply.Huge(500, FiftyMegabytes) : null);
        using var connection = FakeTeClients.Connect(te, o => o.Retry.Enabled = false);

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var e = await Assert.ThrowsAsync<TotalExpertServerException>(() => connection.CreateAdminClient().Tokens.GetTokenAsync().AsTask());
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.Equal("POST /v1/token", e.Operation);
        Assert.True(allocated < Bound, $"{allocated / 1024 / 1024.0:0.0} MB allocated");
    }
}
