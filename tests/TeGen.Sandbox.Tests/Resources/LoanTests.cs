using System.Text.Json.Nodes;
using TeGen.Sandbox.Tests.Support;

namespace TeGen.Sandbox.Tests.Resources;

public sealed class LoanTests
{
    private static JsonObject Borrower(string first = "Ann", string last = "Lee", string email = "ann.lee@example.test") =>
        new() { ["first_name"] = first, ["last_name"] = last, ["email"] = email };

    private static JsonObject Loan(string externalId = "LOS-1", string? loanNumber = null, string owner = "jane-doe-acme", JsonObject? borrower = null)
    {
        var loan = new JsonObject
        {
            ["external_id"] = externalId,
            ["source"] = "Encompass",
            ["owner"] = Bodies.Ref("username", owner),
            ["borrower"] = borrower ?? Borrower(),
            ["loan_amount"] = "350000.00",
        };
        if (loanNumber is not null)
        {
            loan["loan_number"] = loanNumber;
        }

        return loan;
    }

    [Fact]
    public async Task A_loan_creates_its_missing_borrower_once_names_lookups_by_bare_name_and_defaults_to_mortgage()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        var fixedRate = await api.CreateAsync("v1/loan-types", token, new JsonObject { ["loan_type"] = "Conventional Fixed Rate" });
        await api.CreateAsync("v1/loan-statuses", token, new JsonObject { ["loan_status"] = "Application" });

        var id = await api.CreateAsync("v1/loans", token, Loan().With("loan_type", "Conventional Fixed Rate").With("loan_status", Bodies.Ref("loan_status", "application")));
        var second = await api.CreateAsync("v1/loans", token, Loan("LOS-2"));

        var loan = (await api.GetAsync($"v1/loans/{id}", token)).Expect(200).Object;
        Assert.Equal(fixedRate, loan["loan_type"]!["id"]!.GetValue<long>());
        Assert.Equal("Conventional Fixed Rate", loan["loan_type"]!["loan_type"]!.GetValue<string>());
        Assert.Equal("Application", loan["loan_status"]!["loan_status"]!.GetValue<string>());
        Assert.Equal("Mortgage", loan["account_class"]!["class_name"]!.GetValue<string>());
        Assert.Equal("350000.00", loan["loan_amount"]!.GetValue<string>());
        var borrower = loan["borrower"]!["id"]!.GetValue<long>();
        Assert.Equal(borrower, (await api.GetAsync($"v1/loans/{second}", token)).Object["borrower"]!["id"]!.GetValue<long>());
        var contact = (await api.GetAsync($"v1/contacts/{borrower}", token)).Expect(200).Object;
        Assert.Equal("Encompass", contact["source"]!.GetValue<string>());
        Assert.Single((await api.GetAsync("v1/contacts?filter=email=ann.lee@example.test", token)).Items);
    }

    [Fact]
    public async Task A_create_matching_external_id_or_loan_number_of_the_owner_updates_that_loan()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        var id = await api.CreateAsync("v1/loans", token, Loan("LOS-1", "100-1"));

        var byExternalId = (await api.PostAsync("v1/loans", token, Loan("LOS-1").With("loan_amount", "360000.00"))).Expect(200);
        var byNumber = (await api.PostAsync("v1/loans", token, Loan("LOS-OTHER", "100-1").Without("loan_amount"))).Expect(200);
        var otherOwner = await api.CreateAsync("v1/loans", token, Loan("LOS-1", owner: "john-smith-acme"));

        Assert.Equal(id, byExternalId.Id);
        Assert.Contains("duplicate", byNumber.Body, StringComparison.Ordinal);
        Assert.NotEqual(id, otherOwner);
        var loan = (await api.GetAsync($"v1/loans/{id}", token)).Object;
        Assert.Equal("360000.00", loan["loan_amount"]!.GetValue<string>());
        Assert.Equal("LOS-OTHER", loan["external_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Owner_transfer_by_patch_or_post_with_id_moves_the_contacts_and_is_refused_on_a_clash()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        var id = await api.CreateAsync("v1/loans", token, Loan("LOS-1"));
        var other = await api.CreateAsync("v1/loans", token, Loan("LOS-2"));
        await api.CreateAsync("v1/loans", token, Loan("LOS-2", owner: "maria-garcia-acme"));

        (await api.PatchAsync($"v1/loans/{id}", token, new JsonObject { ["owner"] = Bodies.Ref("username", "john-smith-acme") })).Expect(200);
        (await api.PostAsync("v1/loans", token, new JsonObject { ["id"] = other, ["external_id"] = "LOS-2", ["borrower"] = Borrower(), ["owner"] = Bodies.Ref("username", "maria-garcia-acme") }))
            .ExpectError(422, "already has a loan");

        var moved = (await api.GetAsync($"v1/loans/{id}", token)).Object;
        Assert.Equal(102, moved["owner"]!["id"]!.GetValue<long>());
        var borrower = (await api.GetAsync($"v1/contacts/{moved["borrower"]!["id"]}", token)).Object;
        Assert.Equal(102, borrower["owner"]!["id"]!.GetValue<long>());
        Assert.Equal("Ann", borrower["first_name"]!.GetValue<string>());
        Assert.Equal(101, (await api.GetAsync($"v1/loans/{other}", token)).Object["owner"]!["id"]!.GetValue<long>());
    }

    [Fact]
    public async Task The_rules_are_refused_when_sent_raw()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();

        (await api.PostAsync("v1/loans", token, Loan().Without("external_id"))).ExpectError(422, "'external_id'");
        (await api.PostAsync("v1/loans", token, Loan().Without("borrower"))).ExpectError(422, "'borrower'");
        (await api.PostAsync("v1/loans", token, Loan().Without("owner"))).ExpectError(422, "'owner'");
        (await api.PostAsync("v1/loans", token, Loan(borrower: new JsonObject { ["first_name"] = "Ann", ["last_name"] = "Lee" }))).ExpectError(422, "'borrower.email'");
        (await api.PostAsync("v1/loans", token, Loan(borrower: new JsonObject { ["last_name"] = "Lee", ["email"] = "a@example.test" }))).ExpectError(422, "'borrower.first_name'");
        (await api.PostAsync("v1/loans", token, Loan().Without("source"))).ExpectError(422, "'borrower.source'");
        (await api.PostAsync("v1/loans", token, Loan().With("loan_type", "Balloon"))).ExpectRelationship("loan_type");
        (await api.PostAsync("v1/loans", token, Loan().With("borrower", Bodies.Ref("id", 999)))).ExpectRelationship("borrower");
        (await api.PostAsync("v1/loans", token, Loan().With("referring_loan_officer", Bodies.Ref("username", "nobody")))).ExpectRelationship("referring_loan_officer");
        (await api.PostAsync("v1/loans", token, Loan().With("referring_loan_officer", Bodies.Ref("email", "jane.doe@acme.example")))).ExpectError(422, "'referring_loan_officer.email'");
    }

    [Fact]
    public async Task A_participant_role_the_organization_requires_must_be_given()
    {
        await using var api = await TestApi.StartAsync(options => options.Organizations[0].ParticipantRoles.Add(
            new SandboxParticipantRole { SystemName = "buyers_agent", DisplayName = "Buyer's agent", Required = true }));
        var token = await api.AdminTokenAsync();

        (await api.PostAsync("v1/loans", token, Loan())).ExpectError(422, "'buyers_agent'");
        await api.CreateAsync("v1/loans", token, Loan().With("buyers_agent", Borrower("Bea", "Agent", "bea@realty.example")));
    }

    [Fact]
    public async Task Loans_filter_by_every_documented_condition_and_funded_date_end_needs_the_start()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        await api.CreateAsync("v1/loan-types", token, new JsonObject { ["loan_type"] = "FHA" });
        var first = await api.CreateAsync("v1/loans", token, Loan("LOS-1", "N-1")
            .With("loan_name", "Lee purchase").With("loan_type", "FHA").With("funded_date", "2026-05-01 00:00:00")
            .With("buyers_agent", Borrower("Bea", "Agent", "bea@realty.example")).With("coborrower", Borrower("Cy", "Lee", "cy@example.test")));
        await api.CreateAsync("v1/loans", token, Loan("LOS-2", "N-2", owner: "john-smith-acme", borrower: Borrower("Bo", "Ng", "bo@example.test")));
        var loan = (await api.GetAsync($"v1/loans/{first}", token)).Object;
        var agent = loan["buyers_agent"]!["id"]!.GetValue<long>();
        var borrower = loan["borrower"]!["id"]!.GetValue<long>();

        foreach (var filter in (string[])[
            "external_id=LOS-1", "loan_number=N-1", "loan_name_contains=purch", $"borrower_id={borrower}", $"agent_id={agent}", $"other_id={agent}",
            "role_system_name=coborrower", "loan_type=FHA", "owner_username=jane-doe-acme",
            "funded_date_start=2026-04-01T00:00:00Z", "funded_date_start=2026-04-01T00:00:00Z,funded_date_end=2026-06-01T00:00:00Z"])
        {
            var items = (await api.GetAsync($"v1/loans?filter={filter}", token)).Expect(200).Items;
            Assert.True(items.Count == 1 && items[0]!["id"]!.GetValue<long>() == first, filter);
        }

        Assert.Equal(2, (await api.GetAsync("v1/loans?filter=account_class_type=LOAN,account_class_name=Mortgage&page[size]=1", token)).Object["links"]!["last"]!.GetValue<int>());
        (await api.GetAsync("v1/loans?filter=funded_date_end=2026-06-01T00:00:00Z", token)).ExpectError(400, "'funded_date_end' requires 'funded_date_start'");
        (await api.DeleteAsync($"v1/loans/{first}", token)).Expect(200);
        (await api.GetAsync($"v1/loans/{first}", token)).Expect(404);
    }
}
