using TeGen.Analyzers.Tests.Support;
using Verifier = TeGen.Analyzers.Tests.Support.Verify<TeGen.Analyzers.Rules.AdminOwnerAnalyzer, TeGen.Analyzers.CodeFixes.Rules.AdminOwnerFixer>;

namespace TeGen.Analyzers.Tests.Rules;

public class AdminOwnerAnalyzerTests
{
    private const string Usings = Verifier.Usings;

    [Fact]
    public Task Reports_a_contact_sent_through_an_admin_client() => Verifier.DiagnosticsAsync(Usings + """
        class Sync
        {
            Task Run(TotalExpertAdminClient admin) =>
                admin.Contacts.CreateContactAsync({|TE0001:new NewContact|} { FirstName = "Ann", LastName = "Lee" });
        }
        """);

    [Fact]
    public Task Covers_a_create_added_to_a_spec_without_a_change_to_the_analyzer() => Verifier.DiagnosticsAsync(Usings + """
        // What TeGen.Build generates for a new operation the spec marks x-te-owner: required-as-admin.
        public class NewWidget { public OwnerRef? Owner { get; set; } public string? Name { get; set; } }
        public interface IWidgetsClient
        {
            [TeOwnerRequiredAsAdmin]
            Task CreateWidgetAsync(NewWidget body, CancellationToken cancellationToken);

            Task UpdateWidgetAsync(NewWidget body, CancellationToken cancellationToken);
        }

        class Sync(IWidgetsClient widgets)
        {
            async Task Run(CancellationToken ct)
            {
                await widgets.CreateWidgetAsync({|TE0001:new NewWidget|} { Name = "Blue" }, ct);
                await widgets.UpdateWidgetAsync(new NewWidget { Name = "Blue" }, ct);
            }
        }
        """,
        "tegen.mode = admin");

    [Fact]
    public Task Reports_a_note_stored_in_a_local_and_sent_through_a_fresh_admin_client() => Verifier.DiagnosticsAsync(Usings + """
        class Sync
        {
            async Task Run(TotalExpertConnection te, CancellationToken ct)
            {
                var note = {|TE0001:new NewContactNote()|};
                note.Note = "Called back";
                await te.CreateAdminClient().ContactNotes.CreateContactNoteAsync(note, ct);
            }
        }
        """);

    [Fact]
    public Task Reports_an_injected_client_when_the_project_declares_admin_mode() => Verifier.DiagnosticsAsync(Usings + """
        class Sync(IContactGroupsClient groups)
        {
            Task Run() => groups.CreateContactGroupAsync({|TE0001:new NewContactGroup|} { GroupName = "Prospects" });
        }
        """,
        "tegen.mode = admin");

    [Fact]
    public Task Reports_an_insight_when_the_msbuild_property_declares_admin_mode()
    {
        var test = Verifier.Test(Usings + """
            class Sync(IInsightsClient insights)
            {
                Task Run() => insights.CreateInsightAsync({|TE0001:new NewInsight|} { Type = InsightTypeRef.ById(4) });
            }
            """);
        test.WithBuildProperties(("TeGenMode", "Admin"));
        return test.RunAsync();
    }

    [Fact]
    public Task Reports_an_owner_set_only_after_the_create() => Verifier.DiagnosticsAsync(Usings + """
        class Sync
        {
            async Task Run(TotalExpertAdminClient admin)
            {
                var response = {|TE0001:new NewContactSurveyResponse()|};
                await admin.ContactSurveyResponses.CreateContactSurveyResponseAsync(response);
                response.Owner = OwnerRef.ById(3);
            }
        }
        """);

    [Fact]
    public Task Accepts_an_owner_in_the_initializer() => Verifier.DiagnosticsAsync(Usings + """
        class Sync
        {
            Task Run(TotalExpertAdminClient admin) =>
                admin.Contacts.CreateContactAsync(new NewContact { FirstName = "Ann", Owner = OwnerRef.ByUsername("ann") });
        }
        """);

    [Fact]
    public Task Accepts_an_owner_assigned_before_the_create() => Verifier.DiagnosticsAsync(Usings + """
        class Sync
        {
            async Task Run(TotalExpertAdminClient admin, long ownerId)
            {
                var insight = new NewInsight { Type = InsightTypeRef.ById(4) };
                insight.Owner = InsightOwnerRef.ById(ownerId);
                await admin.Insights.CreateInsightAsync(insight);
            }
        }
        """);

    // TE routes leads to its users itself and does not list them among the owner-required creates (docs/te-api.md, "Leads").
    [Fact]
    public Task Accepts_admin_lead_creates_without_an_owner() => Verifier.DiagnosticsAsync(Usings + """
        class Sync
        {
            async Task Run(TotalExpertAdminClient admin)
            {
                await admin.AlmLeads.CreateAlmLeadAsync(new NewAlmLead { FirstName = "Ann", LastName = "Lee", Source = "Web", Email = "ann@example.com" });
                await admin.LeadOpportunities.CreateLeadOpportunityAsync(new NewLeadOpportunity { FirstName = "Ann", LastName = "Lee", Source = "Web", Email = "ann@example.com" });
            }
        }
        """,
        "tegen.mode = admin");

    [Fact]
    public Task Accepts_a_user_client() => Verifier.DiagnosticsAsync(Usings + """
        class Sync
        {
            Task Run(TotalExpertConnection te) =>
                te.CreateUserClient("ann").Contacts.CreateContactAsync(new NewContact { FirstName = "Ann" });
        }
        """,
        "tegen.mode = admin");

    [Fact]
    public Task Accepts_an_injected_client_when_no_mode_is_declared() => Verifier.DiagnosticsAsync(Usings + """
        class Sync(IContactsClient contacts)
        {
            Task Run() => contacts.CreateContactAsync(new NewContact { FirstName = "Ann" });
        }
        """);

    [Fact]
    public Task Accepts_an_injected_client_in_user_mode() => Verifier.DiagnosticsAsync(Usings + """
        class Sync(IContactsClient contacts)
        {
            Task Run() => contacts.CreateContactAsync(new NewContact { FirstName = "Ann" });
        }
        """,
        "tegen.mode = user");

    [Fact]
    public Task Does_not_judge_an_object_handed_to_another_method_first() => Verifier.DiagnosticsAsync(Usings + """
        class Sync
        {
            async Task Run(TotalExpertAdminClient admin)
            {
                var contact = new NewContact { FirstName = "Ann" };
                AssignOwner(contact);
                await admin.Contacts.CreateContactAsync(contact);
            }

            static void AssignOwner(NewContact contact) => contact.Owner = OwnerRef.ById(1);
        }
        """);

    [Fact]
    public void Does_nothing_in_a_compilation_without_TeGen() =>
        Assert.Null(TeGenSymbols.From(Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("NoTeGen", references: TestReferences.Client.Where(r => !r.Display!.EndsWith("TeGen.Client.dll")))));

    [Fact]
    public Task Reports_a_loan_created_As_Admin_and_not_one_updated_or_owned() => Verifier.DiagnosticsAsync(Usings + """
        class Sync
        {
            async Task Run(TotalExpertAdminClient admin, CancellationToken ct)
            {
                await admin.Loans.CreateLoanAsync({|TE0001:new NewLoan|} { ExternalId = "LOS-1" }, ct);
                await admin.Loans.CreateLoanAsync(new NewLoan { ExternalId = "LOS-2", Owner = OwnerRef.ById(101) }, ct);
                await admin.Loans.UpdateLoanAsync(new LoanUpdate { LoanRate = "6.125" }, 1, ct);
            }
        }
        """);

    [Fact]
    public Task Reports_campaign_activity_recorded_As_Admin_without_an_owner_and_not_a_campaign_create() => Verifier.DiagnosticsAsync(Usings + """
        class Touches
        {
            async Task Run(TotalExpertAdminClient admin, TotalExpertUserClient user, CancellationToken ct)
            {
                await admin.CampaignActivity.CreateCampaignActivityAsync({|TE0001:new NewCampaignActivity|} { Campaign = new CampaignRef { Name = "Welcome" } }, ct);
                await admin.CampaignActivity.CreateCampaignActivityAsync(new NewCampaignActivity { Campaign = new CampaignRef { Name = "Welcome" }, Owner = OwnerRef.ById(101) }, ct);
                await user.CampaignActivity.CreateCampaignActivityAsync(new NewCampaignActivity { Campaign = new CampaignRef { Name = "Welcome" } }, ct);
                await admin.Campaigns.CreateCampaignAsync(new NewCampaign { Name = "Welcome" }, ct);
            }
        }
        """);

    [Fact]
    public Task Fix_names_the_owner_of_a_loan() => Verifier.FixAsync(Usings + """
        class Sync
        {
            Task Run(TotalExpertAdminClient admin) =>
                admin.Loans.CreateLoanAsync({|TE0001:new NewLoan|} { ExternalId = "LOS-1" });
        }
        """, Usings + """
        class Sync
        {
            Task Run(TotalExpertAdminClient admin) =>
                admin.Loans.CreateLoanAsync(new NewLoan { ExternalId = "LOS-1", Owner = OwnerRef.ByEmail("owner@example.com" /* TODO: the TE user who owns this record */) });
        }
        """);

    [Fact]
    public Task Reports_a_recruit_created_As_Admin_and_not_one_updated_owned_or_created_As_User() => Verifier.DiagnosticsAsync(Usings + """
        class Recruiting
        {
            async Task Run(TotalExpertAdminClient admin, TotalExpertUserClient user, CancellationToken ct)
            {
                await admin.ContactRecruits.CreateContactRecruitAsync({|TE0001:new NewContactRecruit|} { FirstName = "Rita", LastName = "Moreno" }, ct);
                await admin.ContactRecruits.CreateContactRecruitAsync(new NewContactRecruit { FirstName = "Sam", LastName = "Moreno", Owner = OwnerRef.ById(101) }, ct);
                await admin.ContactRecruits.UpdateContactRecruitAsync(new ContactRecruitUpdate { FirstName = "Rita" }, 1, ct);
                await user.ContactRecruits.CreateContactRecruitAsync(new NewContactRecruit { FirstName = "Tom", LastName = "Moreno" }, ct);
            }
        }
        """);

    [Fact]
    public Task Fix_writes_a_placeholder_owner_that_compiles() => Verifier.FixAsync(Usings + """
        class Sync
        {
            Task Run(TotalExpertAdminClient admin) =>
                admin.Contacts.CreateContactAsync({|TE0001:new NewContact|} { FirstName = "Ann" });
        }
        """, Usings + """
        class Sync
        {
            Task Run(TotalExpertAdminClient admin) =>
                admin.Contacts.CreateContactAsync(new NewContact { FirstName = "Ann", Owner = OwnerRef.ByEmail("owner@example.com" /* TODO: the TE user who owns this record */) });
        }
        """);

    [Fact]
    public Task Fix_all_writes_the_configured_default_owner() => Verifier.FixAsync(Usings + """
        class Sync
        {
            async Task Run(TotalExpertAdminClient admin)
            {
                await admin.Contacts.CreateContactAsync({|TE0001:new NewContact()|});
                var group = {|TE0001:new NewContactGroup|}
                {
                    GroupName = "Prospects",
                    UserEditable = true
                };
                await admin.ContactGroups.CreateContactGroupAsync(group);
            }
        }
        """, Usings + """
        class Sync
        {
            async Task Run(TotalExpertAdminClient admin)
            {
                await admin.Contacts.CreateContactAsync(new NewContact() { Owner = OwnerRef.ById(101) });
                var group = new NewContactGroup
                {
                    GroupName = "Prospects",
                    UserEditable = true,
                    Owner = OwnerRef.ById(101)
                };
                await admin.ContactGroups.CreateContactGroupAsync(group);
            }
        }
        """,
        "tegen.default_owner = id:101");

    [Fact]
    public Task Fix_uses_a_username_placeholder_for_insights_when_the_default_owner_is_an_email() => Verifier.FixAsync(Usings + """
        class Sync
        {
            Task Run(TotalExpertAdminClient admin) =>
                admin.Insights.CreateInsightAsync({|TE0001:new NewInsight|} { Type = InsightTypeRef.ById(4) });
        }
        """, Usings + """
        class Sync
        {
            Task Run(TotalExpertAdminClient admin) =>
                admin.Insights.CreateInsightAsync(new NewInsight { Type = InsightTypeRef.ById(4), Owner = InsightOwnerRef.ByUsername("owner.username" /* TODO: the TE user who owns this record */) });
        }
        """,
        "tegen.default_owner = email:ops@acme.example");

    [Fact]
    public Task Fix_qualifies_the_owner_type_when_TeGen_Client_is_not_imported() => Verifier.FixAsync("""
        class Sync
        {
            System.Threading.Tasks.Task Run(TeGen.Client.TotalExpertAdminClient admin) =>
                admin.Contacts.CreateContactAsync({|TE0001:new TeGen.Client.NewContact|} { FirstName = "Ann" });
        }
        """, """
        class Sync
        {
            System.Threading.Tasks.Task Run(TeGen.Client.TotalExpertAdminClient admin) =>
                admin.Contacts.CreateContactAsync(new TeGen.Client.NewContact { FirstName = "Ann", Owner = TeGen.Client.OwnerRef.ByUsername("ops") });
        }
        """,
        "tegen.default_owner = username:ops");

    [Fact]
    public Task Reports_a_create_whose_body_a_helper_builds_and_the_fix_names_the_owner_in_the_helper()
    {
        var test = Verifier.Test(Usings + """
            class Sync
            {
                Task Run(TotalExpertAdminClient admin, string email) => admin.Contacts.CreateContactAsync({|#0:ToContact(email)|});

                Task RunMapped(TotalExpertAdminClient admin, string email) => admin.Contacts.CreateContactAsync(Owned(email));

                static NewContact ToContact(string email)
                {
                    return {|#1:new NewContact|} { Source = "Web", Email = email };
                }

                static NewContact Owned(string email) => new NewContact { Source = "Web", Email = email, Owner = OwnerRef.ById(7) };
            }
            """, "tegen.default_owner = id:101");
        test.ExpectedDiagnostics.Add(Verifier.Diagnostic("TE0001").WithLocation(0).WithLocation(1).WithArguments("NewContact"));
        test.FixedCode = Usings + """
            class Sync
            {
                Task Run(TotalExpertAdminClient admin, string email) => admin.Contacts.CreateContactAsync(ToContact(email));

                Task RunMapped(TotalExpertAdminClient admin, string email) => admin.Contacts.CreateContactAsync(Owned(email));

                static NewContact ToContact(string email)
                {
                    return new NewContact { Source = "Web", Email = email, Owner = OwnerRef.ById(101) };
                }

                static NewContact Owned(string email) => new NewContact { Source = "Web", Email = email, Owner = OwnerRef.ById(7) };
            }
            """;
        return test.RunAsync();
    }

    [Fact]
    public Task Does_not_judge_a_helper_that_builds_the_body_in_steps_or_one_sent_As_User() => Verifier.DiagnosticsAsync(Usings + """
        class Sync
        {
            Task Run(TotalExpertAdminClient admin, string email) => admin.Contacts.CreateContactAsync(ToContact(email));

            Task RunAsUser(TotalExpertUserClient user, string email) => user.Contacts.CreateContactAsync(Unowned(email));

            static NewContact ToContact(string email)
            {
                var contact = new NewContact { Email = email };
                contact.Owner = OwnerRef.ById(7);
                return contact;
            }

            static NewContact Unowned(string email) => new NewContact { Email = email };
        }
        """);

    [Fact]
    public Task Reports_an_owner_set_to_null_and_the_fix_replaces_the_null() => Verifier.FixAsync(Usings + """
        class Sync
        {
            async Task Run(TotalExpertAdminClient admin)
            {
                await admin.Contacts.CreateContactAsync({|TE0001:new NewContact|} { FirstName = "Ann", Owner = null });
                var note = {|TE0001:new NewContactNote|} { Note = "Called back" };
                note.Owner = null;
                await admin.ContactNotes.CreateContactNoteAsync(note);
            }
        }
        """, Usings + """
        class Sync
        {
            async Task Run(TotalExpertAdminClient admin)
            {
                await admin.Contacts.CreateContactAsync(new NewContact { FirstName = "Ann", Owner = OwnerRef.ById(101) });
                var note = new NewContactNote { Note = "Called back", Owner = OwnerRef.ById(101) };
                note.Owner = null;
                await admin.ContactNotes.CreateContactNoteAsync(note);
            }
        }
        """,
        "tegen.default_owner = id:101");

    [Fact]
    public Task Reports_the_branch_of_a_ternary_that_builds_a_create_without_an_owner() => Verifier.DiagnosticsAsync(Usings + """
        class Sync
        {
            async Task Run(TotalExpertAdminClient admin, bool known, long ownerId)
            {
                await admin.Contacts.CreateContactAsync(known
                    ? new NewContact { FirstName = "Ann", Owner = OwnerRef.ById(ownerId) }
                    : {|TE0001:new NewContact|} { FirstName = "Ann" });
                var insight = known ? {|TE0001:new NewInsight|} { Type = InsightTypeRef.ById(4) } : new NewInsight { Owner = InsightOwnerRef.ById(ownerId) };
                await admin.Insights.CreateInsightAsync(insight);
            }
        }
        """);
}
