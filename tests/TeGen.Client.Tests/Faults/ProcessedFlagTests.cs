using TeGen.Client.Tests.Support;

namespace TeGen.Client.Tests.Faults;

/// <summary>Every failure says whether TE may have acted on the request, so a caller knows whether to look before repeating a create.</summary>
public class ProcessedFlagTests
{
    public static TheoryData<string, Type, bool> Cases() => new()
    {
        { "500", typeof(TotalExpertServerException), true },
        { "503", typeof(TotalExpertServerException), true },
        { "422", typeof(TotalExpertValidationException), false },
        { "429", typeof(TotalExpertRateLimitException), false },
        { "truncated", typeof(TotalExpertTransportException), true },
        { "timeout", typeof(TotalExpertTimeoutException), true },
        { "html", typeof(TotalExpertProtocolException), true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_failed_note_create_says_whether_TE_may_have_stored_it(string answer, Type expected, bool mayHaveBeenProcessed)
    {
        await using var te = new FakeTe(r => r.Path == "/v1/contact-notes" ? Answer(answer) : null);
        using var connection = FakeTeClients.Connect(te, o =>
        {
            // Short only where the timeout is the point: a loaded machine must not turn the other answers into timeouts.
            o.Transport.AttemptTimeout = answer == "timeout" ? TimeSpan.FromMilliseconds(300) : TimeSpan.FromSeconds(10);
            o.Retry.MaxDelay = TimeSpan.FromMilliseconds(1);
        });

        var e = await Assert.ThrowsAnyAsync<TotalExpertApiException>(() => connection.CreateAdminClient().ContactNotes.CreateContactNoteAsync(FakeTeClients.Note()));

        Assert.IsAssignableFrom(expected, e);
        Assert.Equal(mayHaveBeenProcessed, e.MayHaveBeenProcessed);
        Assert.Equal("POST /v1/contact-notes", e.Operation);
    }

    private static FakeReply Answer(string kind) => kind switch
    {
        "500" or "503" or "422" => FakeReply.Json(int.Parse(kind), """{"error":"failed"}"""),
        "429" => FakeReply.Json(429, """{"error":"slow down"}""", ("Retry-After", "0")),
        "truncated" => FakeReply.Truncated(201, """{"created":""", 100),
        "timeout" => FakeReply.StallBeforeHeaders(),
        "html" => FakeReply.Bytes(201, "text/html", "<html>Proxy</html>"u8.ToArray()),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
