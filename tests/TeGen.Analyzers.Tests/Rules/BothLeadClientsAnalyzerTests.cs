using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verifier = TeGen.Analyzers.Tests.Support.Verify<TeGen.Analyzers.Rules.BothLeadClientsAnalyzer>;

namespace TeGen.Analyzers.Tests.Rules;

public class BothLeadClientsAnalyzerTests
{
    private const string Usings = TeGen.Analyzers.Tests.Support.Verify<TeGen.Analyzers.Rules.BothLeadClientsAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>.Usings;

    private const string Opportunities = "lead opportunities API (/v1/lead-opportunities)";

    private const string AlmLeads = "ALM leads API (/v1/leads)";

    // One diagnostic on each client's first call, naming the other's first call (markup 0 and 1).
    private static Task ReportsBothAsync(string source, string opportunityCall, string almLeadCall, params string[] sources)
    {
        var test = Verifier.Test(Usings + source);
        foreach (var extra in sources)
        {
            test.TestState.Sources.Add(Usings + extra);
        }

        test.ExpectedDiagnostics.Add(new DiagnosticResult("TE0006", DiagnosticSeverity.Warning)
            .WithLocation(0).WithLocation(1).WithArguments(opportunityCall, Opportunities, AlmLeads, almLeadCall));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("TE0006", DiagnosticSeverity.Warning)
            .WithLocation(1).WithLocation(0).WithArguments(almLeadCall, AlmLeads, Opportunities, opportunityCall));
        return test.RunAsync();
    }

    [Fact]
    public Task Reports_a_class_calling_both_clients() => ReportsBothAsync("""
        class Sync
        {
            async Task Run(TotalExpertAdminClient admin, NewLeadOpportunity opportunity, NewAlmLead lead)
            {
                await {|#0:admin.LeadOpportunities.CreateLeadOpportunityAsync(opportunity)|};
                await admin.LeadOpportunities.GetLeadOpportunityAsync("3f1c2b9e-8d4a-4c1e-9a57-2b0e6f4d8c10");
                await {|#1:admin.AlmLeads.CreateAlmLeadAsync(lead)|};
            }
        }
        """,
        "ILeadOpportunitiesClient.CreateLeadOpportunityAsync",
        "IAlmLeadsClient.CreateAlmLeadAsync");

    [Fact]
    public Task Reports_injected_clients_used_in_different_classes_and_files_and_paging_helpers() => ReportsBothAsync("""
        class Opportunities(ILeadOpportunitiesClient opportunities)
        {
            IAsyncEnumerable<LeadOpportunity> All() => {|#0:opportunities.ListAllLeadOpportunitiesAsync()|};
        }
        """,
        "ILeadOpportunitiesClient.ListAllLeadOpportunitiesAsync",
        "IAlmLeadsClient.GetAlmLeadAsync",
        """
        class Leads(IAlmLeadsClient leads)
        {
            Task<AlmLead> Get(long id) => {|#1:leads.GetAlmLeadAsync(id)|};
        }
        """);

    [Fact]
    public Task Accepts_a_project_using_lead_opportunities_only() => Verifier.DiagnosticsAsync(Usings + """
        class Sync
        {
            async Task Run(TotalExpertAdminClient admin, NewLeadOpportunity opportunity)
            {
                var created = await admin.LeadOpportunities.CreateLeadOpportunityAsync(opportunity);
                await admin.LeadOpportunities.UpdateLeadOpportunityAsync(new LeadOpportunityUpdate { ContactId = 1 }, created.Id);
            }
        }
        """);

    [Fact]
    public Task Accepts_a_project_using_alm_leads_only_that_merely_names_the_other_client() => Verifier.DiagnosticsAsync(Usings + """
        class Sync
        {
            ILeadOpportunitiesClient? unused;

            Task<AlmLeadCreateResult> Run(TotalExpertAdminClient admin, NewAlmLead lead) => admin.AlmLeads.CreateAlmLeadAsync(lead);
        }
        """);

    [Fact]
    public Task Accepts_a_project_using_neither() => Verifier.DiagnosticsAsync(Usings + """
        class Sync
        {
            Task<CreateResult> Run(TotalExpertAdminClient admin, NewContact contact) => admin.Contacts.CreateContactAsync(contact);
        }
        """);
}
