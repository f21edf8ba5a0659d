using TeGen.Client;
using TeGen.Client.Lending;
using TeGen.Client.Surveys;

namespace TeGen.Quickstart;

/// <summary>What one run of the partner flow did in TE.</summary>
/// <param name="Owner">The TE user the records were filed under.</param>
/// <param name="Contact">The contact create's result (created or deduplicated, and the id).</param>
/// <param name="Groups">The contact's groups as sent (the SDK adds required ones).</param>
/// <param name="Survey">The survey, with whether this run created it.</param>
/// <param name="ResponseId">The survey response's id.</param>
/// <param name="InsightType">The insight type's full name.</param>
/// <param name="Insight">The insight create's result.</param>
/// <param name="Loan">What the loan sync did with the contact's loan.</param>
/// <param name="ContactsListed">Contacts read back through paging.</param>
/// <param name="Requests">Requests this run sent over the wire, as <c>METHOD /path</c>.</param>
public sealed record QuickstartReport(
    OwnerRef Owner,
    CreateResult Contact,
    IReadOnlyList<string> Groups,
    PreparedSurvey Survey,
    string ResponseId,
    string InsightType,
    CreateResult Insight,
    LoanSyncResult Loan,
    int ContactsListed,
    IReadOnlyList<string> Requests)
{
    /// <summary>Token requests among <see cref="Requests"/>.</summary>
    public int TokenRequests => Requests.Count(RequestCounter.IsTokenRequest);

    /// <summary>Contact pages read.</summary>
    public int ContactPages => Requests.Count(r => r == "GET /v1/contacts");

    /// <summary>Writes the report, one line per step.</summary>
    /// <param name="output">Where to write.</param>
    public void WriteTo(TextWriter output)
    {
        output.WriteLine($"  contact          #{Contact.Id} {Outcome(Contact)}, owner {Owner}, groups: {string.Join(", ", Groups)}");
        output.WriteLine($"  survey           '{Survey.Definition.Name}' {Survey.Definition.Version} = {Survey.Id} ({SurveyOutcome}), {Survey.Questions.Count} question ids mapped by system_name");
        output.WriteLine($"  survey response  {ResponseId} for contact #{Contact.Id}");
        output.WriteLine($"  insight          \"{InsightType}\" #{Insight.Id} {Outcome(Insight)}");
        output.WriteLine($"  loan             {Loan.ExternalId} #{Loan.LoanId} {Loan.Outcome.ToString().ToLowerInvariant()}{Added}, borrower #{Contact.Id}");
        output.WriteLine($"  paging           {ContactsListed} contact(s) read in {ContactPages} page(s)");
        output.WriteLine($"  requests         {Requests.Count} sent, {TokenRequests} of them token requests");
    }

    // What this run did for the survey, read from the requests it sent.
    private string SurveyOutcome =>
        Requests.Contains("POST /v1/contact-surveys") ? "created"
        : Requests.Any(r => r.StartsWith("GET /v1/contact-surveys", StringComparison.Ordinal)) ? "found by name and version"
        : "known from the previous run: nothing sent";

    private string Added => Loan.CreatedLookups.Count > 0 ? $" (added {string.Join(", ", Loan.CreatedLookups)})" : "";

    private static string Outcome(CreateResult result) => result.IsDuplicate ? "duplicate (TE matched and updated the existing record)" : "created";
}
