using TeGen.Client.Tests.Support;
using TeGen.Sandbox;

namespace TeGen.Client.Tests.Resources;

/// <summary>E-mail unsubscribes, SMS consent, sending domains and the read-only engagement lists, against a sandbox over loopback.</summary>
public class ComplianceClientTests
{
    [Fact]
    public async Task An_unsubscribed_email_is_visible_through_the_sdk_right_after_the_post()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var admin = connection.CreateAdminClient();
        var domain = Assert.Single(await admin.EmailDomains.ListAllEmailDomainsAsync().ToListAsync());

        var created = await admin.EmailUnsubscribes.CreateEmailUnsubscribeAsync(new NewEmailUnsubscribe
        {
            Email = "ann.lee@example.test",
            Users = [OwnerRef.ById(sandbox.Users[0].Id), OwnerRef.ByUsername(sandbox.Users[1].Username)],
        });
        var found = Assert.Single((await admin.EmailUnsubscribes.ListEmailUnsubscribesAsync(new EmailUnsubscribeFilter { Email = "ann.lee@example.test" })).Items);
        var changed = await admin.EmailUnsubscribes.CreateEmailUnsubscribeAsync(new NewEmailUnsubscribe
        {
            Email = "ann.lee@example.test",
            OrganizationWide = true,
            Domains = [new EmailDomainRef { Domain = domain.Domain }],
            RemoveUsers = [OwnerRef.ById(sandbox.Users[1].Id)],
        });
        var unsubscribe = await admin.EmailUnsubscribes.GetEmailUnsubscribeAsync(created.Id);

        Assert.True(created.IsCreated);
        Assert.Equal(created.Id, found.Id);
        Assert.Equal(2, found.Users!.Count);
        Assert.True(changed.IsDuplicate);
        Assert.True(unsubscribe.OrganizationWide);
        Assert.Equal(sandbox.Users[0].Id, Assert.Single(unsubscribe.Users!).Id);
        Assert.Equal(domain.Id, Assert.Single(unsubscribe.Domains!).Id);
        Assert.NotNull(unsubscribe.CreatedAt);
        Assert.True(unsubscribe.UpdatedAt >= unsubscribe.CreatedAt);
        await RequestLog.RefusedAsync(sandbox, "email", () => admin.EmailUnsubscribes.CreateEmailUnsubscribeAsync(new NewEmailUnsubscribe { OrganizationWide = true }));
    }

    [Fact]
    public async Task Sms_consent_is_recorded_in_e164_and_an_opt_in_is_checked_before_sending()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var admin = connection.CreateAdminClient();

        var optedIn = await admin.Sms.OptInSmsAsync(new SmsOptIn { PhoneNumber = "(612) 555-0123", User = InsightOwnerRef.ById(sandbox.Users[0].Id), Status = SmsStatus.OPTEDIN });
        var optedOut = await admin.Sms.OptOutSmsAsync(new SmsOptOut { PhoneNumber = "612.555.0123" });

        Assert.Equal(("+16125550123", SmsStatus.OPTEDIN), (optedIn.PhoneNumber, optedIn.Status));
        Assert.Equal(SmsStatus.OPTEDOUT, optedOut.Status);
        await RequestLog.RefusedAsync(sandbox, "user", () => admin.Sms.OptInSmsAsync(new SmsOptIn { PhoneNumber = "6125550123", Status = SmsStatus.OPTEDIN }));
        await RequestLog.RefusedAsync(sandbox, "status", () => admin.Sms.OptInSmsAsync(new SmsOptIn { PhoneNumber = "6125550123", User = InsightOwnerRef.ById(101), Status = SmsStatus.OPTEDOUT }));
        await RequestLog.RefusedAsync(sandbox, "status", () => admin.Sms.OptInSmsAsync(new SmsOptIn { PhoneNumber = "6125550123", User = InsightOwnerRef.ById(101) }));
        await RequestLog.RefusedAsync(sandbox, "phone_number", () => admin.Sms.OptOutSmsAsync(new SmsOptOut()));
        var unusable = await Assert.ThrowsAsync<TotalExpertValidationException>(() => admin.Sms.OptOutSmsAsync(new SmsOptOut { PhoneNumber = "555-0123" }));
        Assert.Contains("'phone_number'", unusable.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Channels_wlp_access_types_and_the_activity_feed_are_read_only_lists()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var admin = connection.CreateAdminClient();
        await admin.EmailUnsubscribes.CreateEmailUnsubscribeAsync(new NewEmailUnsubscribe { Email = "ann.lee@example.test" });
        await admin.Sms.OptOutSmsAsync(new SmsOptOut { PhoneNumber = "6125550123" });

        var channels = await admin.Channels.ListAllChannelsAsync().Select(c => c.SystemName).ToListAsync();
        var limited = await admin.WlpAccessTypes.ListWlpAccessTypesAsync(new WlpAccessTypeFilter { AccessType = "limited" });
        var feed = await admin.Activity.ListAllActivitiesAsync(pageSize: 1).ToListAsync();
        var entry = await admin.Activity.GetActivityAsync(feed[1].Id!.Value);
        var unsubscribes = await admin.Activity.ListActivitiesAsync(new ActivityFilter { ActivityType = "email_unsubscribed" });

        Assert.Equal(["email", "sms", "phone"], channels);
        Assert.Equal("limited", Assert.Single(limited.Items).AccessType);
        Assert.Equal(2, feed.Count);
        Assert.Equal("sms_opted_out", entry.ActivityType);
        Assert.NotNull(entry.ActivityDate);
        Assert.Single(unsubscribes.Items);
    }
}
