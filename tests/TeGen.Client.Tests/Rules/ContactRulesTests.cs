using TeGen.Client.Tests.Support;
using TeGen.Sandbox;

namespace TeGen.Client.Tests.Rules;

public class ContactRulesTests
{
    public static TheoryData<string, Action<NewContact>> MissingMinimum => new()
    {
        { "source", c => c.Source = null },
        { "first_name", c => c.FirstName = " " },
        { "last_name", c => c.LastName = null },
        { "email", c => c.Email = null },
    };

    [Theory]
    [MemberData(nameof(MissingMinimum))]
    public async Task A_contact_below_TE_minimum_is_refused_naming_the_field(string field, Action<NewContact> spoil)
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var admin = connection.CreateAdminClient();
        await admin.Health.GetHeartbeatAsync();
        var contact = SandboxClients.Contact(sandbox, 1);
        spoil(contact);

        await RequestLog.RefusedAsync(sandbox, field, () => admin.Contacts.CreateContactAsync(contact));
    }

    [Fact]
    public async Task A_phone_or_a_complete_address_is_enough_to_reach_a_contact_and_a_partial_address_is_named()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var admin = connection.CreateAdminClient();
        var byPhone = SandboxClients.Contact(sandbox, 1);
        byPhone.Email = null;
        byPhone.PhoneCell = "(612) 555-0101";
        var byAddress = SandboxClients.Contact(sandbox, 2);
        byAddress.Email = null;
        (byAddress.Address, byAddress.City, byAddress.State, byAddress.ZipCode) = ("1 Main St", "Minneapolis", "MN", "55401");
        var partial = SandboxClients.Contact(sandbox, 3);
        partial.Email = null;
        (partial.Address, partial.City) = ("1 Main St", "Minneapolis");

        Assert.True((await admin.Contacts.CreateContactAsync(byPhone)).IsCreated);
        Assert.True((await admin.Contacts.CreateContactAsync(byAddress)).IsCreated);
        var refused = await RequestLog.RefusedAsync(sandbox, "email", () => admin.Contacts.CreateContactAsync(partial));
        Assert.Contains("state, zip_code", refused.Message);
    }

    [Fact]
    public async Task All_problems_are_reported_at_once()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);

        var e = await Assert.ThrowsAsync<TotalExpertRequestValidationException>(() => connection.CreateAdminClient().Contacts.CreateContactAsync(new NewContact()));

        Assert.Equal(["owner", "source", "first_name", "last_name", "email"], e.Problems.Select(p => p.Field));
    }

    [Fact]
    public async Task Create_reports_created_then_duplicate_with_the_same_id()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var admin = connection.CreateAdminClient();

        var first = await admin.Contacts.CreateContactAsync(SandboxClients.Contact(sandbox, 1));
        var again = await admin.Contacts.CreateContactAsync(SandboxClients.Contact(sandbox, 1));

        Assert.True(first.IsCreated);
        Assert.False(first.IsDuplicate);
        Assert.True(again.IsDuplicate);
        Assert.False(again.IsCreated);
        Assert.Equal(first.Id, again.Id);
        Assert.Single(sandbox.Inspector.GetState().Contacts);
    }

    [Fact]
    public async Task Required_groups_are_added_by_default()
    {
        await using var sandbox = await StartWithRequiredGroupAsync();
        using var connection = SandboxClients.Connect(sandbox, o => o.RequiredContactGroups = ["Prospects"]);
        var contact = SandboxClients.Contact(sandbox, 1);
        contact.ContactGroups = [new ContactGroupRef { GroupName = "Referral" }];

        var created = await connection.CreateAdminClient().Contacts.CreateContactAsync(contact);

        Assert.True(created.IsCreated);
        Assert.Equal(["Referral", "Prospects"], contact.ContactGroups.Select(g => g.GroupName));
        var groups = sandbox.Inspector.GetState().Contacts.Single().Json["contact_groups"]!.AsArray().Select(g => (string?)g!["group_name"]);
        Assert.Contains("Prospects", groups);
    }

    [Fact]
    public async Task Required_groups_can_be_refused_instead_and_a_given_group_counts_whatever_its_case()
    {
        await using var sandbox = await StartWithRequiredGroupAsync();
        using var connection = SandboxClients.Connect(sandbox, o =>
        {
            o.RequiredContactGroups = ["Prospects"];
            o.MissingRequiredGroups = RequiredGroupsPolicy.Refuse;
        });
        var admin = connection.CreateAdminClient();
        await admin.Health.GetHeartbeatAsync();

        var refused = await RequestLog.RefusedAsync(sandbox, "contact_groups", () => admin.Contacts.CreateContactAsync(SandboxClients.Contact(sandbox, 1)));
        Assert.Contains("'Prospects'", refused.Message);

        var contact = SandboxClients.Contact(sandbox, 2);
        contact.ContactGroups = [new ContactGroupRef { GroupName = "prospects" }];
        Assert.True((await admin.Contacts.CreateContactAsync(contact)).IsCreated);
        Assert.Single(contact.ContactGroups);
    }

    [Fact]
    public async Task Without_the_option_the_organization_rejects_the_contact_so_the_option_is_what_saves_it()
    {
        await using var sandbox = await StartWithRequiredGroupAsync();
        using var connection = SandboxClients.Connect(sandbox);

        var e = await Assert.ThrowsAsync<TotalExpertValidationException>(() => connection.CreateAdminClient().Contacts.CreateContactAsync(SandboxClients.Contact(sandbox, 1)));

        Assert.Equal(422, e.StatusCode);
    }

    private static Task<TeSandbox> StartWithRequiredGroupAsync()
    {
        var options = new TeSandboxOptions { CreateMissingContactGroups = true };
        options.Organizations[0].RequiredContactGroups.Add("Prospects");
        return TeSandbox.StartAsync(options);
    }
}
