using TeGen.Client.Tests.Support;
using TeGen.Sandbox;

namespace TeGen.Client.Tests.Resources;

/// <summary>Consent on a contact named by its fields, the e-mail archive and template rendering, against a sandbox over loopback.</summary>
public class EmailAndConsentClientTests
{
    private static CommunicationConsent Consent() => new()
    {
        CommunicationAgent = ConsentAgent.AgenticAI,
        CommunicationChannel = ConsentChannel.Phone,
        ChannelTarget = "+16125551212",
        ContactPurpose = ConsentPurpose.Marketing,
        CaptureSource = "web form",
        ConsentLanguage = "You may call me.",
        IpAddress = "1.1.1.1",
    };

    [Fact]
    public async Task Consent_is_granted_and_revoked_on_a_contact_named_by_its_fields()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var admin = connection.CreateAdminClient();
        var contact = SandboxClients.Contact(sandbox, 1);
        var id = (await admin.Contacts.CreateContactAsync(contact)).Id;

        await admin.Contacts.UpdateContactByFieldsAsync(new ContactUpdateByFields
        {
            FirstName = contact.FirstName, LastName = contact.LastName, Email = contact.Email, Owner = OwnerRef.ById(sandbox.Users[0].Id), GrantConsent = Consent(),
        });
        await admin.Contacts.UpdateContactByFieldsAsync(new ContactUpdateByFields { Id = id, RevokeConsent = Consent() });
        var feed = await admin.Activity.ListActivitiesAsync(new ActivityFilter { ContactId = id });

        Assert.Equal(["consent_granted", "consent_revoked"], feed.Items.Select(entry => entry.ActivityType));
        await RequestLog.RefusedAsync(sandbox, "id", () => admin.Contacts.UpdateContactByFieldsAsync(new ContactUpdateByFields { FirstName = "Ann1", GrantConsent = Consent() }));
        await Assert.ThrowsAsync<TotalExpertNotFoundException>(() =>
            admin.Contacts.UpdateContactByFieldsAsync(new ContactUpdateByFields { FirstName = "Nobody", LastName = "Here", Email = "nobody@example.test", GrantConsent = Consent() }));
        var revokedTwice = await Assert.ThrowsAsync<TotalExpertValidationException>(() =>
            admin.Contacts.UpdateContactByFieldsAsync(new ContactUpdateByFields { Id = id, RevokeConsent = Consent() }));
        Assert.Contains("revoke_consent", revokedTwice.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_archived_email_reads_as_one_object_by_raw_or_encoded_id_and_by_user()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var admin = connection.CreateAdminClient();

        var raw = await admin.EmailArchive.GetArchivedEmailAsync("1", filter: null);
        var encoded = await admin.EmailArchive.GetArchivedEmailAsync("id-1-1", $"user_id={sandbox.Users[0].Id}");

        Assert.Equal((1L, sandbox.Users[0].Id), (raw.Items.Id, raw.Items.User!.Id));
        Assert.Equal(raw.Items.Subject, encoded.Items.Subject);
        Assert.Equal((1, 1, (int?)null, (int?)null), (raw.Links.First, raw.Links.Last, raw.Links.Next, raw.Links.Prev));
        await Assert.ThrowsAsync<TotalExpertNotFoundException>(() => admin.EmailArchive.GetArchivedEmailAsync("1", $"user_id={sandbox.Users[1].Id}"));
    }

    [Fact]
    public async Task A_template_is_rendered_for_a_contact_and_a_user_and_needs_a_body_before_sending()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var admin = connection.CreateAdminClient();
        var contact = (await admin.Contacts.CreateContactAsync(SandboxClients.Contact(sandbox, 1))).Id;

        var rendered = await admin.EmailTemplates.RenderEmailTemplateAsync(new EmailTemplateRender
        {
            Subject = "Hello {{contact.first_name}}",
            Body = "<p>{{user.first_name}} here</p>",
            Contact = new ContactRef { Id = contact },
            User = OwnerRef.ById(sandbox.Users[0].Id),
        });

        Assert.Equal(("Hello Ann1", $"<p>{sandbox.Users[0].FirstName} here</p>"), (rendered.Subject, rendered.Body));
        await RequestLog.RefusedAsync(sandbox, "body", () => admin.EmailTemplates.RenderEmailTemplateAsync(new EmailTemplateRender { Subject = "Hi" }));
    }
}
