using TeGen.Client.Tests.Support;
using TeGen.Sandbox;

namespace TeGen.Client.Tests.Rules;

public class OwnerRulesTests
{
    [Fact]
    public async Task An_admin_contact_create_without_owner_is_refused_and_nothing_is_sent()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var admin = connection.CreateAdminClient();
        await admin.Health.GetHeartbeatAsync();
        var contact = SandboxClients.Contact(sandbox, 1);
        contact.Owner = null;

        var refused = await RequestLog.RefusedAsync(sandbox, "owner", () => admin.Contacts.CreateContactAsync(contact));

        Assert.Equal("CreateContact", refused.Operation);
        Assert.Contains("As Admin", refused.Message);
        Assert.Empty(sandbox.Inspector.GetState().Contacts);
    }

    [Fact]
    public async Task Every_owned_admin_create_is_refused_without_owner()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var admin = connection.CreateAdminClient();
        var contact = await admin.Contacts.CreateContactAsync(SandboxClients.Contact(sandbox, 1));

        await RequestLog.RefusedAsync(sandbox, "owner", () => admin.ContactGroups.CreateContactGroupAsync(new NewContactGroup { GroupName = "Past Client" }));
        await RequestLog.RefusedAsync(sandbox, "owner", () => admin.ContactNotes.CreateContactNoteAsync(new NewContactNote { Title = "Call", Note = "Left a message", TypeId = 1, Contact = new ContactRef { Id = contact.Id } }));
        await RequestLog.RefusedAsync(sandbox, "owner", () => admin.ContactSurveyResponses.CreateContactSurveyResponseAsync(new NewContactSurveyResponse
        {
            Survey = new SurveyRef { Id = "abc" },
            Contact = new ContactRef { Id = contact.Id },
            QuestionResponses = [new NewQuestionResponse { Question = new QuestionRef { Id = "q" }, ResponseValue = "1" }],
        }));
        await RequestLog.RefusedAsync(sandbox, "owner", () => admin.Insights.CreateInsightAsync(new NewInsight
        {
            Contact = new ContactRef { Id = contact.Id },
            Type = InsightTypeRef.ById(1),
        }));
    }

    [Fact]
    public async Task An_owner_naming_no_user_is_refused()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var contact = SandboxClients.Contact(sandbox, 1);
        contact.Owner = new OwnerRef();

        var refused = await RequestLog.RefusedAsync(sandbox, "owner", () => connection.CreateAdminClient().Contacts.CreateContactAsync(contact));
        Assert.Contains("names no user", refused.Message);
    }

    public static TheoryData<string> Identifiers => ["id", "email", "username", "external_id"];

    [Theory]
    [MemberData(nameof(Identifiers))]
    public async Task The_owner_can_be_named_by_each_identifier(string identifier)
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var user = sandbox.Users[1];
        var contact = SandboxClients.Contact(sandbox, 1);
        contact.Owner = identifier switch
        {
            "id" => OwnerRef.ById(user.Id),
            "email" => OwnerRef.ByEmail(user.Email),
            "username" => OwnerRef.ByUsername(user.Username),
            _ => OwnerRef.ByExternalId(user.ExternalId!),
        };

        var created = await connection.CreateAdminClient().Contacts.CreateContactAsync(contact);

        var stored = Assert.Single(sandbox.Inspector.GetState().Contacts);
        Assert.Equal(created.Id.ToString(), stored.Id);
        Assert.Equal(user.Id, stored.OwnerId);
    }

    [Fact]
    public async Task The_default_owner_fills_in_a_missing_owner_and_never_replaces_a_given_one()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox, o => o.DefaultOwner = OwnerRef.ByUsername(sandbox.Users[2].Username));
        var admin = connection.CreateAdminClient();
        var withoutOwner = SandboxClients.Contact(sandbox, 1);
        withoutOwner.Owner = null;

        await admin.Contacts.CreateContactAsync(withoutOwner);
        await admin.Contacts.CreateContactAsync(SandboxClients.Contact(sandbox, 2));

        var owners = sandbox.Inspector.GetState().Contacts.Select(c => c.OwnerId).Order().ToList();
        Assert.Equal([sandbox.Users[0].Id, sandbox.Users[2].Id], owners);
        Assert.Equal(sandbox.Users[2].Username, withoutOwner.Owner?.Username);
    }

    [Fact]
    public async Task A_default_owner_known_only_by_email_cannot_own_an_insight()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox, o => o.DefaultOwner = OwnerRef.ByEmail(sandbox.Users[0].Email));
        var admin = connection.CreateAdminClient();
        var contact = await admin.Contacts.CreateContactAsync(SandboxClients.Contact(sandbox, 1));

        var refused = await RequestLog.RefusedAsync(sandbox, "owner", () => admin.Insights.CreateInsightAsync(new NewInsight
        {
            Contact = new ContactRef { Id = contact.Id },
            Type = InsightTypeRef.ById(1),
        }));
        Assert.Contains("e-mail", refused.Message);
    }

    [Fact]
    public async Task As_User_no_owner_is_needed()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var user = await connection.AuthorizationCode.ExchangeCodeAsync("jane", await UserSessions.AuthorizeAsync(sandbox, connection), UserSessions.RedirectUri);
        var contact = SandboxClients.Contact(sandbox, 1);
        contact.Owner = null;

        var created = await user.Contacts.CreateContactAsync(contact);

        Assert.True(created.IsCreated);
        Assert.False(user.IsAdmin);
        Assert.Null(contact.Owner);
    }

    [Fact]
    public void A_default_owner_naming_no_user_is_a_configuration_error()
    {
        var options = new TotalExpertClientOptions { ClientId = "id", ClientSecret = "secret", DefaultOwner = new OwnerRef() };
        var e = Assert.Throws<InvalidOperationException>(() => options.Validate());
        Assert.Contains("DefaultOwner", e.Message);
    }
}
