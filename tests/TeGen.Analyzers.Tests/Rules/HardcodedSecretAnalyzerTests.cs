using Verifier = TeGen.Analyzers.Tests.Support.Verify<TeGen.Analyzers.Rules.HardcodedSecretAnalyzer, TeGen.Analyzers.CodeFixes.Rules.HardcodedSecretFixer>;

namespace TeGen.Analyzers.Tests.Rules;

public class HardcodedSecretAnalyzerTests
{
    private const string Usings = Verifier.Usings;

    [Fact]
    public Task Reports_a_literal_in_an_initializer() => Verifier.DiagnosticsAsync(Usings + """
        class Setup
        {
            TotalExpertClientOptions Options() => new() { ClientId = "acme", ClientSecret = {|TE0004:"s3cr3t-value"|} };
        }
        """);

    [Fact]
    public Task Reports_a_constant() => Verifier.DiagnosticsAsync(Usings + """
        class Setup
        {
            const string Secret = "s3cr3t-value";

            TotalExpertClientOptions Options() => new TotalExpertClientOptions { ClientId = "acme", ClientSecret = {|TE0004:Secret|} };
        }
        """);

    [Fact]
    public Task Reports_an_assignment() => Verifier.DiagnosticsAsync(Usings + """
        class Setup
        {
            void Configure(TotalExpertClientOptions options)
            {
                options.ClientSecret = {|TE0004:"s3cr3t-value"|};
                options.ClientSecret ??= {|TE0004:"fallback"|};
            }
        }
        """);

    [Fact]
    public Task Accepts_a_secret_read_at_run_time() => Verifier.DiagnosticsAsync(Usings + """
        class Setup
        {
            void Configure(TotalExpertClientOptions options, Func<string, string?> settings)
            {
                options.ClientSecret = Environment.GetEnvironmentVariable("TotalExpert__ClientSecret");
                options.ClientSecret = settings("TotalExpert:ClientSecret");
            }
        }
        """);

    [Fact]
    public Task Accepts_empty_and_null() => Verifier.DiagnosticsAsync(Usings + """
        class Setup
        {
            TotalExpertClientOptions Empty() => new() { ClientSecret = "" };

            TotalExpertClientOptions Blank() => new() { ClientSecret = "  " };

            TotalExpertClientOptions None() => new() { ClientSecret = null };
        }
        """);

    [Fact]
    public Task Accepts_other_string_options() => Verifier.DiagnosticsAsync(Usings + """
        class Setup
        {
            TotalExpertClientOptions Options() => new() { ClientId = "acme-client", PartnerPrefix = "Acme Lending", Egress = "eu" };
        }
        """);

    [Fact]
    public Task Fix_all_reads_the_environment() => Verifier.FixAsync(Usings + """
        class Setup
        {
            TotalExpertClientOptions Options() => new() { ClientId = "acme", ClientSecret = {|TE0004:"s3cr3t-value"|} };

            void Configure(TotalExpertClientOptions options) => options.ClientSecret = {|TE0004:"other"|};
        }
        """, Usings + """
        class Setup
        {
            TotalExpertClientOptions Options() => new() { ClientId = "acme", ClientSecret = Environment.GetEnvironmentVariable("TotalExpert__ClientSecret") };

            void Configure(TotalExpertClientOptions options) => options.ClientSecret = Environment.GetEnvironmentVariable("TotalExpert__ClientSecret");
        }
        """);
}
