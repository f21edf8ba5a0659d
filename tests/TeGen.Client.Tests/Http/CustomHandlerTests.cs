using TeGen.Client.Http;
using TeGen.Client.Tests.Support;

namespace TeGen.Client.Tests.Http;

/// <summary>A caller's own handlers run where they asked: once per call, or once per attempt.</summary>
public class CustomHandlerTests
{
    [Fact]
    public async Task A_per_call_handler_sees_a_retried_call_once_and_a_per_attempt_handler_sees_each_attempt()
    {
        var failures = 1;
        await using var te = new FakeTe(r => r.Path == "/v1/contacts" && Interlocked.Decrement(ref failures) >= 0 ? FakeReply.Json(503, "{}") : r.Path == "/v1/contacts" ? FakeReply.EmptyPage() : null);
        var perCall = new List<int>();
        var perAttempt = new List<int>();
        using var connection = FakeTeClients.Connect(te, o =>
        {
            o.AddHandler(() => new Recording(perCall, "X-Call"), TeHandlerPosition.PerCall);
            o.AddHandler(() => new Recording(perAttempt, "X-Attempt"), TeHandlerPosition.PerAttempt);
        });

        await connection.CreateAdminClient().Contacts.ListContactsAsync(1, 1, null, null);

        Assert.Equal([200], perCall);
        Assert.Equal([503, 200], perAttempt);
        Assert.All(te.Requests.Where(r => r.Path == "/v1/contacts"), r => Assert.True(r.Headers.ContainsKey("X-Call") && r.Headers.ContainsKey("X-Attempt")));
    }

    [Fact]
    public async Task Each_pipeline_gets_its_own_handler_instance()
    {
        await using var te = new FakeTe(_ => null);
        var created = 0;
        using var connection = FakeTeClients.Connect(te, o => o.AddHandler(() =>
        {
            Interlocked.Increment(ref created);
            return new Recording([], "X-Call");
        }));

        _ = connection.CreateAdminClient();
        _ = connection.CreateAdminClient();

        Assert.Equal(2, created);
    }

    private sealed class Recording(List<int> statuses, string header) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.TryAddWithoutValidation(header, "1");
            var response = await base.SendAsync(request, cancellationToken);
            lock (statuses)
            {
                statuses.Add((int)response.StatusCode);
            }

            return response;
        }
    }
}
