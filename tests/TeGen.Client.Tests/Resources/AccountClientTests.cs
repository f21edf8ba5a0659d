using TeGen.Client.Tests.Support;
using TeGen.Sandbox;

namespace TeGen.Client.Tests.Resources;

/// <summary>Accounts through the generated client, against a sandbox over loopback.</summary>
public class AccountClientTests
{
    [Fact]
    public async Task An_account_is_created_with_lookups_by_name_read_updated_and_listed_page_by_page()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var admin = connection.CreateAdminClient();
        var holder = await admin.Contacts.CreateContactAsync(SandboxClients.Contact(sandbox, 1));
        await admin.AccountTypes.CreateAccountTypeAsync(new NewAccountType { AccountType = "Checking" });
        var closed = await admin.AccountStatuses.CreateAccountStatusAsync(new NewAccountStatus { AccountStatus = "Closed" });
        await admin.AccountStatuses.CreateAccountStatusAsync(new NewAccountStatus { AccountStatus = "Open" });
        var ids = new List<long>();
        for (var n = 0; n < 3; n++)
        {
            ids.Add((await admin.Accounts.CreateAccountAsync(new NewAccount
            {
                PrimaryAccountHolder = new ContactRef { Id = holder.Id },
                AccountType = new AccountTypeRef { AccountType = "Checking" },
                AccountStatus = new AccountStatusRef { AccountStatus = "Open" },
                AccountClass = new AccountClassRef { ClassName = "Deposit", ClassType = AccountClassType.ACCOUNT },
            })).Id);
        }

        await admin.Accounts.UpdateAccountAsync(new AccountUpdate { AccountStatus = new AccountStatusRef { Id = closed.Id } }, ids[0]);
        var account = await admin.Accounts.GetAccountAsync(ids[0]);
        var listed = await admin.Accounts.ListAllAccountsAsync(pageSize: 2).Select(a => a.Id).ToListAsync();

        Assert.Equal(3, ids.Distinct().Count());
        Assert.Equal(holder.Id, account.PrimaryAccountHolder!.Id);
        Assert.Equal(("Checking", "Closed", "Deposit"), (account.AccountType!.AccountType, account.AccountStatus!.AccountStatus, account.AccountClass!.ClassName));
        Assert.Equal(ids.Cast<long?>(), listed);
        Assert.Equal(2, sandbox.Inspector.GetRequestStats().Recent.Count(r => r is { Method: "GET", Path: "/v1/accounts" }));
    }

    [Fact]
    public async Task An_account_without_a_holder_is_refused_before_sending_and_an_unknown_type_by_TE()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var admin = connection.CreateAdminClient();
        var holder = await admin.Contacts.CreateContactAsync(SandboxClients.Contact(sandbox, 1));

        var unsent = await Assert.ThrowsAsync<TotalExpertRequestValidationException>(() => admin.Accounts.CreateAccountAsync(new NewAccount()));
        var refused = await Assert.ThrowsAsync<TotalExpertValidationException>(() => admin.Accounts.CreateAccountAsync(new NewAccount
        {
            PrimaryAccountHolder = new ContactRef { Id = holder.Id },
            AccountType = new AccountTypeRef { AccountType = "Boat" },
        }));

        Assert.Equal("primary_account_holder", unsent.Field);
        Assert.Contains("account_type", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_works_with_accounts_too()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var user = await connection.AuthorizationCode.ExchangeCodeAsync("jane", await UserSessions.AuthorizeAsync(sandbox, connection), UserSessions.RedirectUri);
        var holder = await user.Contacts.CreateContactAsync(SandboxClients.Contact(sandbox, 1));

        var account = await user.Accounts.CreateAccountAsync(new NewAccount { PrimaryAccountHolder = new ContactRef { Id = holder.Id } });

        Assert.Equal(holder.Id, (await user.Accounts.GetAccountAsync(account.Id)).PrimaryAccountHolder!.Id);
        Assert.NotEmpty(await user.AccountClassifications.ListAllAccountClassificationsAsync().ToListAsync());
    }
}
