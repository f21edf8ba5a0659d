using TeGen.Client.Tests.Support;

namespace TeGen.Client.Tests.Faults;

/// <summary>TeGen's exceptions say what failed in one line and keep the body and sensitive headers out of logs.</summary>
public class ErrorMessageTests
{
    private const string PersonalData = "ann.lee@example.com";

    [Theory]
    [InlineData(422)]
    [InlineData(500)]
    [InlineData(404)]
    public async Task The_message_names_status_operation_and_TE_error_but_never_the_body(int status)
    {
        await using var te = new FakeTe(r => r.Path == "/v1/contacts" ? FakeReply.Json(status, $$"""{"error":"Unable to process","echo":"{{PersonalData}}"}""", ("Set-Cookie", "session=secret"), ("X-Request-Id", "req-42")) : null);
        using var connection = FakeTeClients.Connect(te, o => o.Retry.Enabled = false);

        var e = await Assert.ThrowsAnyAsync<TotalExpertApiException>(() => connection.CreateAdminClient().Contacts.ListContactsAsync(1, 1, null, null));

        Assert.StartsWith($"TE answered {status}", e.Message);
        Assert.Contains("GET /v1/contacts", e.Message);
        Assert.Contains("Unable to process", e.Message);
        Assert.DoesNotContain(PersonalData, e.Message);
        Assert.DoesNotContain(PersonalData, e.ToString());
        Assert.DoesNotContain("\n", e.Message);
        Assert.Contains(PersonalData, e.Response); // there for those who ask
        Assert.Equal("req-42", e.RequestId);
        Assert.False(e.Headers.ContainsKey("Set-Cookie"));
        Assert.True(e.Headers.ContainsKey("X-Request-Id"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_error_body_is_kept_on_the_exception_only_when_diagnostics_say_so(bool keep)
    {
        await using var te = new FakeTe(r => r.Path == "/v1/contacts" ? FakeReply.Json(422, $$"""{"error":"Unable to process","echo":"{{PersonalData}}"}""") : null);
        using var connection = FakeTeClients.Connect(te, o => o.Diagnostics.KeepErrorBodies = keep);

        var e = await Assert.ThrowsAnyAsync<TotalExpertApiException>(() => connection.CreateAdminClient().Contacts.ListContactsAsync(1, 1, null, null));

        Assert.Equal("Unable to process", e.TeError);
        Assert.Equal(keep, e.Response?.Contains(PersonalData, StringComparison.Ordinal) == true);
        Assert.Equal(keep, e.Response is not null);
    }

    [Fact]
    public async Task A_transport_failure_says_what_happened_without_a_status_zero_dump()
    {
        await using var te = new FakeTe(r => r.Path == "/v1/contacts" ? FakeReply.Truncated(200, "{\"items\":", 500) : null);
        using var connection = FakeTeClients.Connect(te, o => o.Retry.Enabled = false);

        var e = await Assert.ThrowsAsync<TotalExpertTransportException>(() => connection.CreateAdminClient().Contacts.ListContactsAsync(1, 1, null, null));

        Assert.StartsWith("No complete answer from TE to GET /v1/contacts", e.Message);
        Assert.DoesNotContain("Status: 0", e.ToString());
        Assert.DoesNotContain("(null)", e.Message);
    }
}
