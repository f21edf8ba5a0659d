using Microsoft.CodeAnalysis.CSharp;
using Verifier = TeGen.Analyzers.Tests.Support.Verify<TeGen.Analyzers.Rules.RequiredContactGroupsAnalyzer, TeGen.Analyzers.CodeFixes.Rules.RequiredContactGroupsFixer>;

namespace TeGen.Analyzers.Tests.Rules;

public class RequiredContactGroupsAnalyzerTests
{
    private const string Usings = Verifier.Usings;
    private const string Required = "tegen.required_groups = Prospects, Active Customers";

    [Fact]
    public Task Reports_a_contact_without_groups() => Verifier.DiagnosticsAsync(Usings + """
        class Sync
        {
            Task Run(IContactsClient contacts) => contacts.CreateContactAsync({|TE0005:new NewContact|} { FirstName = "Ann" });
        }
        """,
        Required);

    [Fact]
    public Task Reports_a_contact_missing_one_group() => Verifier.DiagnosticsAsync(Usings + """
        class Sync
        {
            NewContact Build() => {|TE0005:new NewContact|}
            {
                FirstName = "Ann",
                ContactGroups = [new ContactGroupRef { GroupName = "Prospects" }, new ContactGroupRef { Id = 7 }],
            };
        }
        """,
        Required);

    [Fact]
    public Task Reports_a_list_of_other_groups_configured_through_msbuild()
    {
        var test = Verifier.Test(Usings + """
            class Sync
            {
                async Task Run(IContactsClient contacts)
                {
                    var contact = {|TE0005:new NewContact()|} { ContactGroups = new List<ContactGroupRef> { new() { GroupName = "Newsletter" } } };
                    contact.FirstName = "Ann";
                    await contacts.CreateContactAsync(contact);
                }
            }
            """);
        test.WithBuildProperties(("TeGenRequiredGroups", "Prospects"));
        return test.RunAsync();
    }

    [Fact]
    public Task Accepts_any_contact_when_no_groups_are_required() => Verifier.DiagnosticsAsync(Usings + """
        class Sync
        {
            NewContact Build() => new NewContact { FirstName = "Ann" };
        }
        """);

    [Fact]
    public Task Accepts_a_contact_with_every_required_group() => Verifier.DiagnosticsAsync(Usings + """
        class Sync
        {
            NewContact Build() => new NewContact
            {
                ContactGroups = new[] { new ContactGroupRef { GroupName = "Active Customers" }, new ContactGroupRef { GroupName = "Prospects" } },
            };
        }
        """,
        Required);

    [Fact]
    public Task Does_not_judge_groups_it_cannot_read() => Verifier.DiagnosticsAsync(Usings + """
        class Sync
        {
            NewContact FromVariable(ICollection<ContactGroupRef> groups) => new NewContact { ContactGroups = groups };

            NewContact FromComputedName(string name) => new NewContact { ContactGroups = [new ContactGroupRef { GroupName = name }] };

            async Task AddedLater(IContactsClient contacts)
            {
                var contact = new NewContact { ContactGroups = [] };
                contact.ContactGroups.Add(new ContactGroupRef { GroupName = "Prospects" });
                await contacts.CreateContactAsync(contact);
            }
        }
        """,
        Required);

    [Fact]
    public Task Fix_adds_a_collection_expression() => Verifier.FixAsync(Usings + """
        class Sync
        {
            NewContact Build() => {|TE0005:new NewContact|} { FirstName = "Ann" };
        }
        """, Usings + """
        class Sync
        {
            NewContact Build() => new NewContact { FirstName = "Ann", ContactGroups = [new ContactGroupRef { GroupName = "Prospects" }, new ContactGroupRef { GroupName = "Active Customers" }] };
        }
        """,
        Required);

    [Fact]
    public Task Fix_all_appends_to_the_collections_already_written() => Verifier.FixAsync(Usings + """
        class Sync
        {
            NewContact Expression() => {|TE0005:new NewContact|}
            {
                ContactGroups =
                [
                    new ContactGroupRef { GroupName = "Prospects" }
                ],
            };

            NewContact Initializer() => {|TE0005:new NewContact|} { ContactGroups = new List<ContactGroupRef> { new ContactGroupRef { GroupName = "Newsletter" } } };
        }
        """, Usings + """
        class Sync
        {
            NewContact Expression() => new NewContact
            {
                ContactGroups =
                [
                    new ContactGroupRef { GroupName = "Prospects" },
                    new ContactGroupRef { GroupName = "Active Customers" }
                ],
            };

            NewContact Initializer() => new NewContact { ContactGroups = new List<ContactGroupRef> { new ContactGroupRef { GroupName = "Newsletter" }, new ContactGroupRef { GroupName = "Prospects" }, new ContactGroupRef { GroupName = "Active Customers" } } };
        }
        """,
        Required);

    [Fact]
    public Task Fix_writes_a_list_before_CSharp_12()
    {
        var test = Verifier.Test(Usings + """
            class Sync
            {
                NewContact Build() => {|TE0005:new NewContact()|};
            }
            """, "tegen.required_groups = Prospects");
        test.LanguageVersion = LanguageVersion.CSharp11;
        test.FixedCode = Usings + """
            class Sync
            {
                NewContact Build() => new NewContact() { ContactGroups = new List<ContactGroupRef> { new ContactGroupRef { GroupName = "Prospects" } } };
            }
            """;
        return test.RunAsync();
    }

    [Fact]
    public Task Matches_group_names_ignoring_case_and_blanks_as_the_SDK_does() => Verifier.DiagnosticsAsync(Usings + """
        class Sync
        {
            NewContact Build() => new NewContact
            {
                ContactGroups = [new ContactGroupRef { GroupName = "prospects" }, new ContactGroupRef { GroupName = " ACTIVE customers " }],
            };
        }
        """,
        Required);

    [Fact]
    public Task Fix_adds_only_the_group_missing_in_any_case() => Verifier.FixAsync(Usings + """
        class Sync
        {
            NewContact Build() => {|TE0005:new NewContact|} { ContactGroups = [new ContactGroupRef { GroupName = "prospects" }] };
        }
        """, Usings + """
        class Sync
        {
            NewContact Build() => new NewContact { ContactGroups = [new ContactGroupRef { GroupName = "prospects" }, new ContactGroupRef { GroupName = "Active Customers" }] };
        }
        """,
        Required);

    [Fact]
    public Task Reports_target_typed_contacts_whose_type_the_syntax_names() => Verifier.DiagnosticsAsync(Usings + """
        class Sync
        {
            private readonly NewContact _template = {|TE0005:new()|} { FirstName = "Ann" };

            NewContact Build() => {|TE0005:new()|} { FirstName = "Ann" };

            NewContact Returned()
            {
                return {|TE0005:new()|} { FirstName = "Ann" };
            }

            Task Send(IContactsClient contacts) => contacts.CreateContactAsync({|TE0005:new()|} { FirstName = "Ann" });
        }
        """,
        Required);
}
