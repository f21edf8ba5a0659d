using TeGen.Client.Surveys;
using TeGen.Client.Tests.Support;
using TeGen.Sandbox;
using TeGen.Sandbox.Faults;

namespace TeGen.Client.Tests.Models;

/// <summary>
/// A success answer the SDK cannot read (not JSON, cut short, of another shape, a create without an id) is a
/// <see cref="TotalExpertProtocolException"/> naming the call, the status and where the JSON went wrong, never carrying
/// the body, which holds personal data.
/// </summary>
public class UnreadableAnswerTests
{
    // Stands for personal data in an answer: it must not reach an exception message.
    private const string PersonalData = "Zelda Quixote";

    private static readonly NewContact Contact = new()
    {
        Source = "TeGen tests", FirstName = "Ann", LastName = "Lee", Email = "ann@example.com", Owner = OwnerRef.ById(101),
    };

    [Theory]
    [InlineData(201, """{}""")]
    [InlineData(201, """{"created": "public.totalexpert.net/v1/contacts/"}""")]
    [InlineData(201, """{"created": "public.totalexpert.net/v1/contacts/56495", "id": "abc"}""")]
    [InlineData(201, """{"created": "public.totalexpert.net/v1/contacts/0", "id": 0}""")]
    [InlineData(200, """{"duplicate": "public.totalexpert.net/v1/contacts/56495", "id": null}""")]
    public async Task A_create_answered_without_a_usable_id_is_a_protocol_error(int status, string body)
    {
        await using var te = await CannedAnswerServer.StartAsync(status, body);
        using var connection = te.Connect();

        var e = await Assert.ThrowsAsync<TotalExpertProtocolException>(() => connection.CreateAdminClient().Contacts.CreateContactAsync(Contact));

        Assert.Equal("POST /v1/contacts", e.Operation);
        Assert.Equal(status, e.StatusCode);
        Assert.Contains("id", e.Message);
        Assert.True(e.MayHaveBeenProcessed);
    }

    [Theory]
    [InlineData("""{"created": "public.totalexpert.net/v1/contact-surveys/"}""")]
    [InlineData("""{"created": "public.totalexpert.net/v1/contact-surveys/", "id": ""}""")]
    public async Task A_survey_create_answered_without_an_id_is_a_protocol_error(string body)
    {
        await using var te = await CannedAnswerServer.StartAsync(201, body);
        using var connection = te.Connect();
        var survey = new SurveyDefinition("Canned", "1.0", source: "TeGen tests").Text("q1", "Why?").ToNewContactSurvey();

        var e = await Assert.ThrowsAsync<TotalExpertProtocolException>(() => connection.CreateAdminClient().ContactSurveys.CreateContactSurveyAsync(survey));

        Assert.Equal("POST /v1/contact-surveys", e.Operation);
        Assert.Contains("no usable id", e.Message);
    }

    [Theory]
    [InlineData("text/html", $"<html><body><h1>Bad gateway</h1><p>{PersonalData}</p></body></html>", "not valid JSON")]
    [InlineData("application/json", $$"""{"id": 5, "first_name": "{{PersonalData}}", "last_name": "Lee""", "not valid JSON")]
    [InlineData("application/json", $$"""[{"id": 5, "first_name": "{{PersonalData}}"}]""", "$")]
    [InlineData("application/json", $$"""{"id": 5, "first_name": "{{PersonalData}}", "ok_to_call": "{{PersonalData}}"}""", "$.ok_to_call")]
    [InlineData("application/json", $$"""{"id": "{{PersonalData}}"}""", "$.id")]
    [InlineData("application/json", "null", "null")]
    [InlineData("application/json", "", "the body is empty")]
    public async Task An_unreadable_success_answer_is_a_protocol_error_without_the_body(string contentType, string body, string named)
    {
        await using var te = await CannedAnswerServer.StartAsync(200, body, contentType);
        using var connection = te.Connect();

        var e = await Assert.ThrowsAsync<TotalExpertProtocolException>(() => connection.CreateAdminClient().Contacts.GetContactAsync(5));

        Assert.Equal("GET /v1/contacts/5", e.Operation);
        Assert.Equal(200, e.StatusCode);
        Assert.StartsWith("TE's answer (200) to GET /v1/contacts/5 could not be read: ", e.Message);
        Assert.Contains(named, e.Message);
        Assert.DoesNotContain(PersonalData, e.ToString());
        Assert.DoesNotContain("Bad gateway", e.ToString());
        Assert.True(string.IsNullOrEmpty(e.Response));
    }

    [Fact]
    public async Task An_HTML_page_is_named_as_such()
    {
        await using var te = await CannedAnswerServer.StartAsync(200, "<html><body>Maintenance</body></html>", "text/html");
        using var connection = te.Connect();

        var e = await Assert.ThrowsAsync<TotalExpertProtocolException>(() => connection.CreateAdminClient().Contacts.GetContactAsync(5));

        Assert.Contains("text/html", e.Message);
    }

    [Fact]
    public async Task A_record_with_a_value_TE_added_later_is_read_through_the_whole_client()
    {
        await using var te = await CannedAnswerServer.StartAsync(200, """{"id": 5, "first_name": "Ann", "credit_score": "Outstanding", "birthday": "0000-00-00"}""");
        using var connection = te.Connect();

        var contact = await connection.CreateAdminClient().Contacts.GetContactAsync(5);

        Assert.Equal(5, contact.Id);
        Assert.Equal("Outstanding", contact.CreditScore?.Value);
        Assert.Null(contact.Birthday);
    }

    [Fact]
    public async Task A_body_cut_short_by_TE_is_a_protocol_error()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var admin = connection.CreateAdminClient();
        var created = await admin.Contacts.CreateContactAsync(SandboxClients.Contact(sandbox, 1));
        sandbox.Faults.Set(new FaultSettings { Rules = [FaultRule.MalformedJsonBodies().For("GET", "/v1/contacts")] });

        var e = await Assert.ThrowsAsync<TotalExpertProtocolException>(() => admin.Contacts.GetContactAsync(created.Id));

        Assert.Equal($"GET /v1/contacts/{created.Id}", e.Operation);
        Assert.Contains("not valid JSON", e.Message);
        Assert.DoesNotContain("ann1@example.com", e.ToString());
    }
}
