using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using TeGen.Analyzers.Rules;
using TeGen.Analyzers.Tests.Support;

namespace TeGen.Analyzers.Tests.Cost;

/// <summary>
/// The rules' compile cost comes from what they look up, so code that gives no rule anything to judge — here the
/// shape of docs/benchmarks.md §4's call sites: creates that name their owner, and reads — must not make them look up
/// anything. (Any other <c>new T</c> without an owner costs one lookup of <c>T</c>'s name per compilation.)
/// </summary>
public class SyntaxFilterTests
{
    private static ImmutableArray<DiagnosticAnalyzer> Rules(CompilationProbe probe) =>
    [
        new AdminOwnerAnalyzer(), new InsightTypePrefixAnalyzer(), new ClientPerCallAnalyzer(),
        new HardcodedSecretAnalyzer(), new RequiredContactGroupsAnalyzer(), new BothLeadClientsAnalyzer(), probe,
    ];

    [Fact]
    public async Task Creates_that_name_their_owner_and_reads_resolve_no_TeGen_type()
    {
        var compilation = Compile("""
            class Calls
            {
                async Task<long> Run(TotalExpertAdminClient admin, CancellationToken ct)
                {
                    var created = await admin.Contacts.CreateContactAsync(new NewContact { Source = "Web", Email = "ann@example.com", Owner = OwnerRef.ById(101) }, ct);
                    var read = await admin.Contacts.GetContactAsync(created.Id, ct);
                    return read.Id ?? 0;
                }
            }
            """);

        var probe = new CompilationProbe();
        var diagnostics = await compilation.WithAnalyzers(Rules(probe)).GetAnalyzerDiagnosticsAsync();

        Assert.Empty(diagnostics);
        Assert.Equal(0, TeGenSymbols.From(probe.Seen!)!.ResolvedTypes);
    }

    [Fact]
    public async Task A_create_without_an_owner_is_looked_up_and_reported()
    {
        var compilation = Compile("""
            class Calls
            {
                Task Run(TotalExpertAdminClient admin) => admin.Contacts.CreateContactAsync(new NewContact { Source = "Web" });
            }
            """);

        var probe = new CompilationProbe();
        var diagnostics = await compilation.WithAnalyzers(Rules(probe)).GetAnalyzerDiagnosticsAsync();

        Assert.Equal("TE0001", Assert.Single(diagnostics).Id);
        Assert.NotEqual(0, TeGenSymbols.From(probe.Seen!)!.ResolvedTypes);
    }

    private static CSharpCompilation Compile(string source)
    {
        var compilation = CSharpCompilation.Create(
            "Calls",
            [CSharpSyntaxTree.ParseText(Verify<AdminOwnerAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>.Usings + source, new CSharpParseOptions(LanguageVersion.Latest))],
            TestReferences.Client,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return compilation;
    }
}
