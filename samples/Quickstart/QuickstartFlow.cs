using TeGen.Client;
using TeGen.Client.Lending;
using TeGen.Client.Surveys;

namespace TeGen.Quickstart;

/// <summary>
/// The partner flow TE's getting-started guide describes, As Admin: a contact with an owner and the required
/// groups, a survey (found or created) and a response to it for that contact, an insight, a loan with the contact
/// as its borrower (created on the first run, updated on the second), then paging.
/// </summary>
public sealed class QuickstartFlow(TotalExpertAdminClient admin, RequestCounter counter)
{
    /// <summary>The survey the quickstart answers. The version keys it: a changed survey gets a new version.</summary>
    public static readonly SurveyDefinition Survey = new SurveyDefinition("TeGen Quickstart: First Time Buyer", "1.0", "TeGen quickstart")
        .Decimal("max_price", "What is the most you want to spend?")
        .Choice("first_home", "Is this your first home?", ("Absolutely!", "yes"), ("No", "no"))
        .Text("timeline", "When do you plan to buy?");

    /// <summary>The event the quickstart posts an insight for; its type is <c>"&lt;PartnerPrefix&gt;: &lt;event&gt;"</c>.</summary>
    public const string InsightEvent = "Loan application submitted";

    private readonly SurveyWorkflow _surveys = new(admin);

    // A quickstart runs against an organization that may have no loan types yet: it adds the one it names (TE treats
    // a second create of the same name as that value). A real sync leaves this off so that a typo is refused.
    private readonly LoanSync _loans = new(admin, new LoanSyncOptions { CreateMissingLookups = true });
    private OwnerRef? _owner;

    /// <summary>Runs the flow once.</summary>
    /// <param name="cancellationToken">Cancels the run.</param>
    public async Task<QuickstartReport> RunAsync(CancellationToken cancellationToken = default)
    {
        var sentBefore = counter.Sent.Count;
        var owner = _owner ??= await OwnerAsync(cancellationToken);

        // Create the contact first, in its own request: the survey response needs its TE id. TE deduplicates
        // contacts per owner, so a second run updates the same contact.
        var contact = new NewContact
        {
            Source = "TeGen quickstart",
            FirstName = "Ann",
            LastName = "Lee",
            Email = "ann.lee@example.com",
            PhoneCell = "612-555-0101",
            Owner = owner,
        };
        var submission = await _surveys.SubmitAsync(
            Survey,
            contact,
            new SurveyAnswers { { "max_price", 265000m }, { "first_home", "yes" }, { "timeline", "Within 3 months" } },
            cancellationToken);

        var insightType = admin.InsightTypeName(InsightEvent);
        var insight = await admin.Insights.CreateInsightAsync(
            new NewInsight
            {
                Type = InsightTypeRef.ByName(insightType),
                Contact = new ContactRef { Id = submission.Contact.Id },
                Owner = owner.ToInsightOwner(),
                Data = new Dictionary<string, object> { ["loan_amount"] = 265000, ["loan_purpose"] = "Purchase" },
            },
            cancellationToken);

        // The loan the contact applied for, by the loan origination system's id: created once, then kept up to date.
        var loan = await _loans.SyncAsync(
            new NewLoan
            {
                ExternalId = "TEGEN-QUICKSTART-1",
                LoanNumber = "QS-0001",
                Source = "TeGen quickstart",
                LoanAmount = "265000.00",
                LoanTerm = 360,
                LoanType = new LoanTypeRef { LoanType = "Conventional Fixed Rate" },
                Borrower = new LoanContactRef { Id = submission.Contact.Id },
                Owner = owner,
            },
            cancellationToken);

        var listed = 0;
        await foreach (var _ in admin.Contacts.ListAllContactsAsync(pageSize: 100, cancellationToken: cancellationToken))
        {
            // A real organization can hold many thousands of contacts: the quickstart reads at most three pages.
            if (++listed == 300)
            {
                break;
            }
        }

        return new QuickstartReport(
            owner,
            submission.Contact,
            [.. (contact.ContactGroups ?? []).Select(g => g.GroupName ?? $"#{g.Id}")],
            submission.Survey,
            submission.ResponseId,
            insightType,
            insight,
            loan,
            listed,
            [.. counter.Sent.Skip(sentBefore)]);
    }

    // The configured default owner, else the organization's first user (reading users needs the getUsers scope).
    private async Task<OwnerRef> OwnerAsync(CancellationToken cancellationToken)
    {
        if (admin.Connection.Options.DefaultOwner is { } configured)
        {
            return configured;
        }

        await foreach (var user in admin.Users.ListAllUsersAsync(pageSize: 1, cancellationToken: cancellationToken))
        {
            return OwnerRef.ById(user.Id ?? throw new InvalidOperationException("TE listed a user without an id."));
        }

        throw new InvalidOperationException("The organization has no users to own the quickstart's records; set TotalExpert__DefaultOwner__Email (or __Id, __Username, __ExternalId).");
    }
}
