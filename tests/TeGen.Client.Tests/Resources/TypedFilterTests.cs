using TeGen.Client.Tests.Support;
using TeGen.Sandbox;

namespace TeGen.Client.Tests.Resources;

/// <summary>The typed filter models the spec names (x-te-filter), on lists other than loans, against a strict sandbox.</summary>
public class TypedFilterTests
{
    [Fact]
    public async Task Contacts_accounts_and_lookups_are_filtered_through_their_models()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var admin = connection.CreateAdminClient();
        var ann = await admin.Contacts.CreateContactAsync(SandboxClients.Contact(sandbox, 1));
        await admin.Contacts.CreateContactAsync(SandboxClients.Contact(sandbox, 2));
        await admin.AccountTypes.CreateAccountTypeAsync(new NewAccountType { AccountType = "Checking" });
        await admin.AccountTypes.CreateAccountTypeAsync(new NewAccountType { AccountType = "Savings" });
        await admin.Accounts.CreateAccountAsync(new NewAccount { PrimaryAccountHolder = new ContactRef { Id = ann.Id }, AccountType = new AccountTypeRef { AccountType = "Savings" } });

        var byEmail = await admin.Contacts.ListContactsAsync(new ContactFilter { EmailContains = "ann1@", OwnerId = sandbox.Users[0].Id });
        var savings = await admin.Accounts.ListAllAccountsAsync(new AccountFilter { AccountType = "Savings", PrimaryAccountHolderId = ann.Id }).ToListAsync();
        var checking = await admin.AccountTypes.ListAllAccountTypesAsync(new AccountTypeFilter { AccountType = "Checking" }).ToListAsync();
        var roles = await admin.Schema.ListAllParticipantRoleSchemaAsync(new ParticipantRoleFilter { Required = 1, AccountClassType = AccountClassType.LOAN }).ToListAsync();
        var tooShort = await Assert.ThrowsAsync<TotalExpertRequestValidationException>(() => admin.Contacts.ListContactsAsync(new ContactFilter { FirstNameContains = "An" }));

        Assert.Equal([ann.Id], byEmail.Items.Select(c => c.Id));
        Assert.Single(savings);
        Assert.Equal(["Checking"], checking.Select(t => t.AccountType));
        Assert.Equal(["borrower"], roles.Select(r => r.SystemName));
        Assert.Equal(("ListContacts", "first_name_contains"), (tooShort.Operation, tooShort.Field));
    }
}
