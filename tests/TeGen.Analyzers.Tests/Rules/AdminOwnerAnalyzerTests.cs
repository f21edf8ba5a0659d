using TeGen.Analyzers.CodeFixes.Rules;
using TeGen.Analyzers.Rules;
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
}
