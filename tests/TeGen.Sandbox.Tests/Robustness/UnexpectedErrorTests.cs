using TeGen.Sandbox.Tests.Support;

namespace TeGen.Sandbox.Tests.Robustness;

// The safety net around the pipeline: an exception no endpoint expected.
public sealed class UnexpectedErrorTests
{
    [Fact]
    public async Task An_unexpected_failure_becomes_a_logged_te_shaped_500_and_the_sandbox_keeps_serving()
    {
        var logs = new CapturedLogs();
        var clock = new FailingClock();
        await using var api = await TestApi.StartAsync(options =>
        {
            options.TimeProvider = clock;
            options.LoggerFactory = logs.Factory;
        });
        var token = await api.AdminTokenAsync();

        clock.Failing = true;
        var failed = await api.GetAsync("v1/contacts", token);
        clock.Failing = false;

        Assert.Equal("application/json", failed.Expect(500).ContentType);
        Assert.StartsWith("Internal Server Error", failed.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("clock", failed.Body, StringComparison.OrdinalIgnoreCase);
        var entry = Assert.Single(logs.Entries, entry => entry.Exception is InvalidOperationException { Message: FailingClock.Message });
        Assert.Contains("GET /v1/contacts", entry.Message, StringComparison.Ordinal);
        (await api.GetAsync("v1/contacts", token)).Expect(200);
    }

    private sealed class FailingClock : TimeProvider
    {
        public const string Message = "The clock failed.";

        public volatile bool Failing;

        public override DateTimeOffset GetUtcNow() => Failing ? throw new InvalidOperationException(Message) : base.GetUtcNow();
    }
}
