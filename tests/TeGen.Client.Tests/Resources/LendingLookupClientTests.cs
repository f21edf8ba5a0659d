using TeGen.Client.Tests.Support;
using TeGen.Sandbox;

namespace TeGen.Client.Tests.Resources;

/// <summary>The lending lookups through the generated clients, against a sandbox over loopback.</summary>
public class LendingLookupClientTests
{
    [Fact]
    public async Task Loan_types_are_created_read_and_listed_page_by_page_and_a_repeated_name_is_a_duplicate()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var admin = connection.CreateAdminClient();
        var created = new List<long>();
        foreach (var name in new[] { "Conventional Fixed Rate", "FHA", "VA", "USDA", "Jumbo" })
        {
            created.Add((await admin.LoanTypes.CreateLoanTypeAsync(new NewLoanType { LoanType = name })).Id);
        }

        var again = await admin.LoanTypes.CreateLoanTypeAsync(new NewLoanType { LoanType = "fha", AccountClass = new AccountClassRef { ClassName = "Home Equity" } });
        var fha = await admin.LoanTypes.GetLoanTypeAsync(created[1]);
        var listed = new List<string?>();
        await foreach (var loanType in admin.LoanTypes.ListAllLoanTypesAsync(pageSize: 2))
        {
            listed.Add(loanType.LoanType);
        }

        Assert.True(again.IsDuplicate);
        Assert.Equal(created[1], again.Id);
        Assert.Equal(("Home Equity", AccountClassType.LOAN), (fha.AccountClass!.ClassName, fha.AccountClass.ClassType));
        Assert.Equal(["Conventional Fixed Rate", "fha", "VA", "USDA", "Jumbo"], listed);
        Assert.Equal(3, sandbox.Inspector.GetRequestStats().Recent.Count(r => r is { Method: "GET", Path: "/v1/loan-types" }));
    }

    [Fact]
    public async Task Every_loan_lookup_defaults_to_the_mortgage_class_and_deduplicates_on_its_name()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var admin = connection.CreateAdminClient();

        var status = await admin.LoanStatuses.CreateLoanStatusAsync(new NewLoanStatus { LoanStatus = "Funded" });
        var purpose = await admin.LoanPurposes.CreateLoanPurposeAsync(new NewLoanPurpose { LoanPurpose = "Purchase" });
        var program = await admin.LoanPrograms.CreateLoanProgramAsync(new NewLoanProgram { LoanProgram = "FHA 30 Year Fixed" });

        Assert.True((await admin.LoanStatuses.CreateLoanStatusAsync(new NewLoanStatus { LoanStatus = "FUNDED" })).IsDuplicate);
        Assert.True((await admin.LoanPurposes.CreateLoanPurposeAsync(new NewLoanPurpose { LoanPurpose = "purchase" })).IsDuplicate);
        Assert.True((await admin.LoanPrograms.CreateLoanProgramAsync(new NewLoanProgram { LoanProgram = "FHA 30 Year Fixed" })).IsDuplicate);
        Assert.Equal("Mortgage", (await admin.LoanStatuses.GetLoanStatusAsync(status.Id)).AccountClass!.ClassName);
        Assert.Equal("Mortgage", (await admin.LoanPurposes.GetLoanPurposeAsync(purpose.Id)).AccountClass!.ClassName);
        Assert.Equal("Mortgage", (await admin.LoanPrograms.GetLoanProgramAsync(program.Id)).AccountClass!.ClassName);
        Assert.Single((await admin.LoanStatuses.ListLoanStatusesAsync(null, null, "loan_status=funded", null)).Items);
        Assert.Single((await admin.LoanPurposes.ListLoanPurposesAsync(null, null, null, null)).Items);
        Assert.Single((await admin.LoanPrograms.ListLoanProgramsAsync(null, null, null, null)).Items);
    }

    [Fact]
    public async Task Account_types_and_statuses_are_updated_and_keep_their_names_unique()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var admin = connection.CreateAdminClient();
        var checking = await admin.AccountTypes.CreateAccountTypeAsync(new NewAccountType { AccountType = "Checking", AccountClass = new AccountClassRef { ClassName = "Deposit" } });
        await admin.AccountTypes.CreateAccountTypeAsync(new NewAccountType { AccountType = "Savings" });
        var open = await admin.AccountStatuses.CreateAccountStatusAsync(new NewAccountStatus { AccountStatus = "Open" });

        await admin.AccountTypes.UpdateAccountTypeAsync(new AccountTypeUpdate { AccountType = "Premium Checking" }, checking.Id);
        await admin.AccountStatuses.UpdateAccountStatusAsync(new AccountStatusUpdate { AccountStatus = "Active" }, open.Id);
        var taken = await Assert.ThrowsAsync<TotalExpertValidationException>(() => admin.AccountTypes.UpdateAccountTypeAsync(new AccountTypeUpdate { AccountType = "Savings" }, checking.Id));

        var type = await admin.AccountTypes.GetAccountTypeAsync(checking.Id);
        Assert.Equal(("Premium Checking", "Deposit"), (type.AccountType, type.AccountClass!.ClassName));
        Assert.Equal("Active", (await admin.AccountStatuses.GetAccountStatusAsync(open.Id)).AccountStatus);
        Assert.Contains("account_type", taken.Message, StringComparison.Ordinal);
        Assert.True((await admin.AccountStatuses.CreateAccountStatusAsync(new NewAccountStatus { AccountStatus = "active" })).IsDuplicate);
        Assert.Equal(2, await admin.AccountTypes.ListAllAccountTypesAsync(pageSize: 1).CountAsync());
        Assert.Single(await admin.AccountStatuses.ListAllAccountStatusesAsync().ToListAsync());
    }

    [Fact]
    public async Task Account_classes_are_read_only_and_participant_roles_are_for_admins_only()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var admin = connection.CreateAdminClient();

        var classes = await admin.AccountClassifications.ListAllAccountClassificationsAsync().ToListAsync();
        var roles = await admin.Schema.ListAllParticipantRoleSchemaAsync().ToListAsync();

        Assert.Equal(["Mortgage", "Home Equity", "Deposit"], classes.Select(c => c.ClassName));
        Assert.All(classes, c => Assert.NotNull(c.Id));
        Assert.Equal("borrower", Assert.Single(roles, r => r.Required == 1).SystemName);
        Assert.All(roles, r => Assert.Equal(AccountClassType.LOAN, r.AccountClass!.ClassType));
        Assert.Null(typeof(TotalExpertUserClient).GetProperty("Schema"));
    }

    [Fact]
    public async Task A_lookup_create_without_its_name_is_refused_before_sending()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var admin = connection.CreateAdminClient();

        var refused = await Assert.ThrowsAsync<TotalExpertRequestValidationException>(() => admin.LoanTypes.CreateLoanTypeAsync(new NewLoanType()));

        Assert.Equal("loan_type", Assert.Single(refused.Problems).Field);
        Assert.Equal(0, sandbox.Inspector.GetRequestStats().Recent.Count(r => r.Path == "/v1/loan-types"));
    }
}
