using TeGen.Client.Lending;
using TeGen.Client.Tests.Support;
using TeGen.Sandbox;

namespace TeGen.Client.Tests.Lending;

/// <summary>The loan sync against a strict sandbox over loopback.</summary>
public class LoanSyncTests
{
    private static NewLoan Loan(TeSandbox sandbox, string externalId = "LOS-1") => new()
    {
        ExternalId = externalId,
        LoanNumber = "N-" + externalId,
        Source = "Encompass",
        LoanAmount = "350000.00",
        Borrower = new LoanContactRef { FirstName = "Ann", LastName = "Lee", Email = "ann.lee@example.test" },
        BuyersAgent = new LoanContactRef { FirstName = "Bea", LastName = "Agent", Email = "bea@realty.example" },
        LoanType = new LoanTypeRef { LoanType = "FHA" },
        LoanStatus = new LoanStatusRef { LoanStatus = "application" },
        Owner = new OwnerRef { Username = sandbox.Users[0].Username },
    };

    [Fact]
    public async Task Syncing_twice_creates_the_loan_and_its_contacts_once_and_then_only_updates()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var admin = connection.CreateAdminClient();
        await admin.LoanTypes.CreateLoanTypeAsync(new NewLoanType { LoanType = "FHA" });
        await admin.LoanStatuses.CreateLoanStatusAsync(new NewLoanStatus { LoanStatus = "Application" });
        var sync = new LoanSync(admin);
        NewLoan[] loans = [Loan(sandbox), Loan(sandbox, "LOS-2")];

        var first = await sync.SyncAllAsync(loans);
        var contactsAfterFirst = await admin.Contacts.ListAllContactsAsync().CountAsync();
        var postsAfterFirst = SandboxClients.Sent(sandbox, "POST", "/v1/loans");
        var second = await sync.SyncAllAsync(loans);

        Assert.Equal([LoanSyncOutcome.Created, LoanSyncOutcome.Created], first.Select(r => r.Outcome));
        Assert.Equal([LoanSyncOutcome.Updated, LoanSyncOutcome.Updated], second.Select(r => r.Outcome));
        Assert.Equal(first.Select(r => r.LoanId), second.Select(r => r.LoanId));
        Assert.Equal(2, postsAfterFirst);
        Assert.Equal(2, SandboxClients.Sent(sandbox, "POST", "/v1/loans"));
        Assert.Equal(2, contactsAfterFirst);
        Assert.Equal(2, await admin.Contacts.ListAllContactsAsync().CountAsync());
        Assert.Equal((1, 1), (SandboxClients.Sent(sandbox, "GET", "/v1/loan-types"), SandboxClients.Sent(sandbox, "GET", "/v1/loan-statuses")));
        Assert.Equal(1, SandboxClients.Sent(sandbox, "GET", "/v1/schema/participant-roles"));
        var loan = await admin.Loans.GetLoanAsync(first[0].LoanId);
        Assert.Equal(("FHA", "Application"), (loan.LoanType!.LoanType, loan.LoanStatus!.LoanStatus));
        Assert.Equal("FHA", loans[0].LoanType!.LoanType);
        Assert.Null(loans[0].LoanType!.Id);
    }

    [Fact]
    public async Task A_missing_lookup_is_refused_naming_it_unless_creating_is_on()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var admin = connection.CreateAdminClient();
        await admin.LoanTypes.CreateLoanTypeAsync(new NewLoanType { LoanType = "FHA" });

        var refused = await Assert.ThrowsAsync<LoanLookupNotFoundException>(() => new LoanSync(admin).SyncAsync(Loan(sandbox)));
        var nothingSent = SandboxClients.Sent(sandbox, "POST", "/v1/loans") + SandboxClients.Sent(sandbox, "POST", "/v1/loan-statuses");
        var created = await new LoanSync(admin, new LoanSyncOptions { CreateMissingLookups = true }).SyncAsync(Loan(sandbox));

        Assert.Equal(("loan_status", "application"), (refused.Member, refused.Name));
        Assert.Contains("'application'", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, nothingSent);
        Assert.Equal(["loan_status: application"], created.CreatedLookups);
        Assert.Equal(LoanSyncOutcome.Created, created.Outcome);
    }

    [Fact]
    public async Task A_required_participant_role_is_checked_before_sending_and_a_loan_number_match_is_reported_as_deduplicated()
    {
        var acme = SandboxOrganization.AcmeLending();
        acme.ParticipantRoles.Add(new SandboxParticipantRole { SystemName = "settlement_agent", DisplayName = "Settlement agent", Required = true });
        await using var sandbox = await TeSandbox.StartAsync(new TeSandboxOptions { Organizations = [acme] });
        using var connection = SandboxClients.Connect(sandbox);
        var admin = connection.CreateAdminClient();
        var sync = new LoanSync(admin, new LoanSyncOptions { CreateMissingLookups = true });

        var refused = await Assert.ThrowsAsync<TotalExpertRequestValidationException>(() => sync.SyncAsync(Loan(sandbox)));
        var sentForRefused = SandboxClients.Sent(sandbox, "POST", "/v1/loans") + SandboxClients.Sent(sandbox, "GET", "/v1/loans");
        var loan = Loan(sandbox);
        loan.SettlementAgent = new LoanContactRef { FirstName = "Sam", LastName = "Title", Email = "sam@title.example" };
        var created = await sync.SyncAsync(loan);
        loan.ExternalId = "LOS-RENUMBERED";
        var matched = await sync.SyncAsync(loan);

        Assert.Equal("settlement_agent", refused.Field);
        Assert.Equal(0, sentForRefused);
        Assert.Equal((LoanSyncOutcome.Deduplicated, created.LoanId), (matched.Outcome, matched.LoanId));
    }

    [Fact]
    public async Task With_a_default_owner_the_sync_updates_that_owners_loan_and_not_another_owners_of_the_same_external_id()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox, o => o.DefaultOwner = new OwnerRef { Id = sandbox.Users[0].Id });
        var admin = connection.CreateAdminClient();
        var sync = new LoanSync(admin, new LoanSyncOptions { CreateMissingLookups = true });
        var others = Loan(sandbox);
        others.Owner = new OwnerRef { Id = sandbox.Users[1].Id };
        var theirs = await sync.SyncAsync(others);
        var loan = Loan(sandbox);
        loan.Owner = null;

        var mine = await sync.SyncAsync(loan);
        var again = await sync.SyncAsync(loan);

        Assert.Equal((LoanSyncOutcome.Created, LoanSyncOutcome.Updated), (mine.Outcome, again.Outcome));
        Assert.NotEqual(theirs.LoanId, mine.LoanId);
        Assert.Equal(mine.LoanId, again.LoanId);
        Assert.Equal(sandbox.Users[0].Id, (await admin.Loans.GetLoanAsync(mine.LoanId)).Owner!.Id);
    }

    [Fact]
    public async Task A_user_syncs_without_an_owner_and_without_the_admin_only_role_schema()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var user = await connection.AuthorizationCode.ExchangeCodeAsync("jane", await UserSessions.AuthorizeAsync(sandbox, connection), UserSessions.RedirectUri);
        var loan = Loan(sandbox);
        loan.Owner = null;
        var sync = new LoanSync(user, new LoanSyncOptions { CreateMissingLookups = true });

        var first = await sync.SyncAsync(loan);
        var second = await sync.SyncAsync(loan);

        Assert.Equal((LoanSyncOutcome.Created, LoanSyncOutcome.Updated), (first.Outcome, second.Outcome));
        Assert.Equal(0, SandboxClients.Sent(sandbox, "GET", "/v1/schema/participant-roles"));
    }
}
