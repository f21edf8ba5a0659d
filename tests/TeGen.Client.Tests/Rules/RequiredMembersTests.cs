using TeGen.Client.Tests.Support;
using TeGen.Sandbox;

namespace TeGen.Client.Tests.Rules;

/// <summary>
/// The relationships and members the spec marks required on a create (a note's contact, a response's survey and
/// answers, an insight's type) are checked before sending for every create the SDK offers: refused, named, nothing
/// sent. (Required fields a create inherits from its shared *Fields schema, such as a group's group_name, are not
/// marked on the generated model and are left to TE until the spec's rules are generated.)
/// </summary>
public class RequiredMembersTests
{
    public static TheoryData<string, string[]> EmptyCreates() => new()
    {
        { "CreateContactNote", ["contact"] },
        { "CreateContactSurvey", ["questions"] },
        { "CreateContactSurveyResponse", ["question_responses", "survey", "contact"] },
        { "CreateInsight", ["contact", "type"] },
    };

    [Theory]
    [MemberData(nameof(EmptyCreates))]
    public async Task An_empty_create_is_refused_naming_every_required_member_and_nothing_is_sent(string operation, string[] fields)
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox, o => o.DefaultOwner = OwnerRef.ById(sandbox.Users[0].Id));
        var admin = connection.CreateAdminClient();

        var e = await Assert.ThrowsAsync<TotalExpertRequestValidationException>(() => Create(admin, operation));

        Assert.Equal(operation, e.Operation);
        Assert.Equal(fields.Order(), e.Problems.Select(p => p.Field).Where(fields.Contains).Order());
        Assert.Equal(0, sandbox.Inspector.GetRequestStats().TotalRequests - sandbox.Inspector.GetRequestStats().TokenRequests);
    }

    [Fact]
    public async Task A_note_without_a_contact_is_refused_before_sending()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);

        var e = await Assert.ThrowsAsync<TotalExpertRequestValidationException>(() => connection.CreateAdminClient().ContactNotes.CreateContactNoteAsync(new NewContactNote
        {
            Title = "Called",
            Note = "Left a message",
            TypeId = 1,
            Owner = OwnerRef.ById(sandbox.Users[0].Id),
        }));

        Assert.Equal("contact", e.Field);
        Assert.Contains("ContactRef", e.Message);
        Assert.Equal(0, sandbox.Inspector.GetRequestStats().TotalRequests);
    }

    [Fact]
    public async Task A_note_with_its_contact_is_sent()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var admin = connection.CreateAdminClient();
        var contact = await admin.Contacts.CreateContactAsync(SandboxClients.Contact(sandbox, 1));

        var note = await admin.ContactNotes.CreateContactNoteAsync(new NewContactNote
        {
            Title = "Called",
            Note = "Left a message",
            TypeId = 1,
            Contact = new ContactRef { Id = contact.Id },
            Owner = OwnerRef.ById(sandbox.Users[0].Id),
        });

        Assert.True(note.Id > 0);
    }

    private static Task Create(TotalExpertAdminClient admin, string operation) => operation switch
    {
        "CreateContactNote" => admin.ContactNotes.CreateContactNoteAsync(new NewContactNote()),
        "CreateContactSurvey" => admin.ContactSurveys.CreateContactSurveyAsync(new NewContactSurvey()),
        "CreateContactSurveyResponse" => admin.ContactSurveyResponses.CreateContactSurveyResponseAsync(new NewContactSurveyResponse()),
        "CreateInsight" => admin.Insights.CreateInsightAsync(new NewInsight()),
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };
}
