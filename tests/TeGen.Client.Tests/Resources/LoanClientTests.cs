using System.Text.Json;
using TeGen.Client.Json;
using TeGen.Client.Tests.Support;
using TeGen.Sandbox;

namespace TeGen.Client.Tests.Resources;

/// <summary>Loans through the generated client, against a strict sandbox over loopback.</summary>
public class LoanClientTests
{
    private static NewLoan Loan(TeSandbox sandbox, string externalId, string email = "ann.lee@example.test") => new()
    {
        ExternalId = externalId,
        Source = "Encompass",
        LoanAmount = "350000.00",
        LoanTerm = 360,
        IsFirstTimeBuyer = true,
        FundedDate = new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero),
        Borrower = new LoanContactRef { FirstName = "Ann", LastName = "Lee", Email = email },
        LoanType = new LoanTypeRef { LoanType = "FHA" },
        Owner = new OwnerRef { Id = sandbox.Users[0].Id },
    };

    [Fact]
    public async Task A_loan_is_created_deduplicated_read_updated_listed_and_deleted()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var admin = connection.CreateAdminClient();
        await admin.LoanTypes.CreateLoanTypeAsync(new NewLoanType { LoanType = "FHA" });
        var application = await admin.LoanStatuses.CreateLoanStatusAsync(new NewLoanStatus { LoanStatus = "Application" });

        var created = await admin.Loans.CreateLoanAsync(Loan(sandbox, "LOS-1"));
        var again = await admin.Loans.CreateLoanAsync(Loan(sandbox, "LOS-1"));
        await admin.Loans.CreateLoanAsync(Loan(sandbox, "LOS-2", "bo@example.test"));
        await admin.Loans.UpdateLoanAsync(new LoanUpdate { LoanStatus = new LoanStatusRef { Id = application.Id }, LoanRate = "6.125" }, created.Id);
        var loan = await admin.Loans.GetLoanAsync(created.Id);
        var listed = await admin.Loans.ListAllLoansAsync(pageSize: 1).Select(l => l.ExternalId).ToListAsync();

        Assert.True(created.IsCreated);
        Assert.True(again.IsDuplicate);
        Assert.Equal(created.Id, again.Id);
        Assert.Equal(("FHA", "Application", "Mortgage"), (loan.LoanType!.LoanType, loan.LoanStatus!.LoanStatus, loan.AccountClass!.ClassName));
        Assert.Equal(("350000.00", "6.125", 360, true), (loan.LoanAmount, loan.LoanRate, loan.LoanTerm, loan.IsFirstTimeBuyer));
        Assert.Equal("Ann", loan.Borrower!.FirstName);
        Assert.Equal(["LOS-1", "LOS-2"], listed);
        Assert.Equal(2, SandboxClients.Sent(sandbox, "GET", "/v1/loans"));

        await admin.Loans.DeleteLoanAsync(created.Id);
        await Assert.ThrowsAsync<TotalExpertNotFoundException>(() => admin.Loans.GetLoanAsync(created.Id));
    }

    [Fact]
    public void A_lookup_named_only_by_name_travels_as_the_bare_name_and_reads_back_either_way()
    {
        var body = JsonSerializer.Serialize(new LoanFields { LoanType = new LoanTypeRef { LoanType = "FHA" }, LoanStatus = new LoanStatusRef { Id = 4 } }, TeJson.Options);
        var read = JsonSerializer.Deserialize<Loan>("""
            {"loan_type": "VA", "loan_status": {"id": 4, "loan_status": "Closed"}, "loan_term": "360", "is_first_time_buyer": "1",
             "escrow_waived": 0, "monthly_pi_payment": "1580.25", "funded_date": "2026-05-01 12:00:00"}
            """, TeJson.Options)!;

        Assert.Contains("\"loan_type\":\"FHA\"", body, StringComparison.Ordinal);
        Assert.Contains("\"loan_status\":{\"id\":4}", body, StringComparison.Ordinal);
        Assert.Equal("VA", read.LoanType!.LoanType);
        Assert.Equal(("Closed", 4L), (read.LoanStatus!.LoanStatus, read.LoanStatus.Id));
        Assert.Equal((360, true, false, 1580.25), (read.LoanTerm, read.IsFirstTimeBuyer, read.EscrowWaived, read.MonthlyPiPayment));
        Assert.Equal(new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero), read.FundedDate);
        Assert.Contains("\"is_first_time_buyer\":1", JsonSerializer.Serialize(new LoanFields { IsFirstTimeBuyer = true }, TeJson.Options), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_loan_rules_are_refused_before_sending()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var admin = connection.CreateAdminClient();

        var empty = await Assert.ThrowsAsync<TotalExpertRequestValidationException>(() => admin.Loans.CreateLoanAsync(new NewLoan()));
        var unreachable = Loan(sandbox, "LOS-1");
        unreachable.Borrower = new LoanContactRef { FirstName = "Ann" };
        unreachable.Source = null;
        var borrower = await Assert.ThrowsAsync<TotalExpertRequestValidationException>(() => admin.Loans.CreateLoanAsync(unreachable));
        var agent = await Assert.ThrowsAsync<TotalExpertRequestValidationException>(() => admin.Loans.UpdateLoanAsync(
            new LoanUpdate { BuyersAgent = new LoanContactRef { FirstName = "Bea", LastName = "Agent" } }, 1));
        var filter = await Assert.ThrowsAsync<TotalExpertRequestValidationException>(() => admin.Loans.ListLoansAsync(
            new LoanFilter { FundedDateEnd = DateTimeOffset.UtcNow, LoanNameContains = "ab", LoanType = "FHA,VA" }));

        Assert.Equal(["borrower", "external_id", "owner"], empty.Problems.Select(p => p.Field).Order());
        Assert.Equal(["borrower.email", "borrower.last_name", "borrower.source"], borrower.Problems.Select(p => p.Field).Order());
        Assert.Equal(["buyers_agent.email", "buyers_agent.source"], agent.Problems.Select(p => p.Field).Order());
        Assert.Equal(["funded_date_end", "loan_name_contains", "loan_type"], filter.Problems.Select(p => p.Field).Order());
        Assert.Equal(0, SandboxClients.Sent(sandbox, "POST", "/v1/loans") + SandboxClients.Sent(sandbox, "PATCH", "/v1/loans/1") + SandboxClients.Sent(sandbox, "GET", "/v1/loans"));
    }

    [Fact]
    public async Task Typed_filters_select_loans_and_TE_refusals_become_typed_errors()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var admin = connection.CreateAdminClient();
        await admin.LoanTypes.CreateLoanTypeAsync(new NewLoanType { LoanType = "FHA" });
        var first = Loan(sandbox, "LOS-1");
        first.LoanName = "Lee purchase";
        first.BuyersAgent = new LoanContactRef { FirstName = "Bea", LastName = "Agent", Email = "bea@realty.example" };
        var created = await admin.Loans.CreateLoanAsync(first);
        var second = Loan(sandbox, "LOS-2", "bo@example.test");
        second.FundedDate = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        second.LoanType = null;
        await admin.Loans.CreateLoanAsync(second);
        var agent = (await admin.Loans.GetLoanAsync(created.Id)).BuyersAgent!.Id;

        LoanFilter[] filters =
        [
            new() { ExternalId = "LOS-1" },
            new() { LoanNameContains = "purch" },
            new() { AgentId = agent },
            new() { RoleSystemName = "buyers_agent" },
            new() { LoanType = "FHA", OwnerId = sandbox.Users[0].Id, AccountClassType = AccountClassType.LOAN },
            new() { FundedDateStart = new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero), FundedDateEnd = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero) },
        ];
        foreach (var filter in filters)
        {
            var page = await admin.Loans.ListLoansAsync(filter);
            Assert.Equal([created.Id], page.Items.Select(l => l.Id));
        }

        Assert.Equal(2, await admin.Loans.ListAllLoansAsync(new LoanFilter()).CountAsync());
        var invalid = await Assert.ThrowsAsync<TotalExpertValidationException>(() => admin.Loans.ListLoansAsync(1, 10, "funded_date_end=2026-01-01T00:00:00Z", null));
        var unknownType = Loan(sandbox, "LOS-3", "cy@example.test");
        unknownType.LoanType = new LoanTypeRef { LoanType = "Balloon" };
        var relationship = await Assert.ThrowsAsync<TotalExpertValidationException>(() => admin.Loans.CreateLoanAsync(unknownType));

        Assert.Equal(400, invalid.StatusCode);
        Assert.Contains("funded_date_start", invalid.Message, StringComparison.Ordinal);
        Assert.Contains("loan_type", relationship.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_moves_a_loan_to_another_owner_and_TE_refuses_a_move_onto_a_matching_loan()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var admin = connection.CreateAdminClient();
        var loan = Loan(sandbox, "LOS-1");
        loan.LoanType = null;
        var created = await admin.Loans.CreateLoanAsync(loan);
        var clash = Loan(sandbox, "LOS-1");
        clash.LoanType = null;
        clash.Owner = new OwnerRef { Id = sandbox.Users[2].Id };
        await admin.Loans.CreateLoanAsync(clash);

        await admin.Loans.UpdateLoanAsync(new LoanUpdate { Owner = new OwnerRef { Username = sandbox.Users[1].Username } }, created.Id);
        loan.Id = created.Id;
        loan.Owner = new OwnerRef { Id = sandbox.Users[2].Id };
        var refused = await Assert.ThrowsAsync<TotalExpertValidationException>(() => admin.Loans.CreateLoanAsync(loan));

        Assert.Equal(sandbox.Users[1].Id, (await admin.Loans.GetLoanAsync(created.Id)).Owner!.Id);
        Assert.Equal(422, refused.StatusCode);
        Assert.Contains("already has a loan", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_creates_loans_without_an_owner()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var user = await connection.AuthorizationCode.ExchangeCodeAsync("jane", await UserSessions.AuthorizeAsync(sandbox, connection), UserSessions.RedirectUri);
        var loan = Loan(sandbox, "LOS-1");
        loan.Owner = null;
        loan.LoanType = null;

        var created = await user.Loans.CreateLoanAsync(loan);

        Assert.Equal("LOS-1", (await user.Loans.GetLoanAsync(created.Id)).ExternalId);
        Assert.Equal(sandbox.Users[0].Id, (await connection.CreateAdminClient().Loans.GetLoanAsync(created.Id)).Owner!.Id);
    }
}
