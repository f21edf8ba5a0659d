using TeGen.Client.Tests.Support;
using TeGen.Sandbox;

namespace TeGen.Client.Tests.Rules;

/// <summary>
/// The relationships and members the spec marks required on a create (a note's contact, a response's survey and
/// answers, an insight's type) are checked before sending for every create the SDK offers: refused, named, nothing
/// sent. That includes members a create requires of its shared *Fields schema (a group's group_name, a note's title).
/// </summary>
public class RequiredMembersTests
{
    public static TheoryData<string, string[]> EmptyCreates() => new()
    {
        { "CreateContactGroup", ["group_name"] },
        { "CreateContactNote", ["contact", "note", "title", "type_id"] },
        { "CreateContactSurvey", ["questions", "source", "survey_name"] },
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

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task A_group_without_a_name_is_refused_before_sending_naming_group_name_and_sent_once_named(string? name)
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var groups = connection.CreateAdminClient().ContactGroups;
        var group = new NewContactGroup { GroupName = name, UserEditable = true, Owner = OwnerRef.ById(sandbox.Users[0].Id) };

        var e = await Assert.ThrowsAsync<TotalExpertRequestValidationException>(() => groups.CreateContactGroupAsync(group));

        Assert.Equal("CreateContactGroup", e.Operation);
        Assert.Equal("group_name", Assert.Single(e.Problems).Field);
        Assert.Contains("'group_name'", e.Message);
        Assert.Equal(0, sandbox.Inspector.GetRequestStats().TotalRequests);

        group.GroupName = "Past Client";
        Assert.True((await groups.CreateContactGroupAsync(group)).Id > 0);
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
        "CreateContactGroup" => admin.ContactGroups.CreateContactGroupAsync(new NewContactGroup()),
        "CreateContactNote" => admin.ContactNotes.CreateContactNoteAsync(new NewContactNote()),
        "CreateContactSurvey" => admin.ContactSurveys.CreateContactSurveyAsync(new NewContactSurvey()),
        "CreateContactSurveyResponse" => admin.ContactSurveyResponses.CreateContactSurveyResponseAsync(new NewContactSurveyResponse()),
        "CreateInsight" => admin.Insights.CreateInsightAsync(new NewInsight()),
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };
}
