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

    [Fact]
    public Task Reports_a_literal_fallback_and_a_ternary_branch_and_the_fix_drops_the_fallback() => Verifier.FixAsync(Usings + """
        class Setup
        {
            TotalExpertClientOptions Options(Func<string, string?> config, bool local) => new()
            {
                ClientId = "acme",
                ClientSecret = config("TotalExpert:ClientSecret") ?? {|TE0004:"s3cr3t-value"|},
            };

            void Configure(TotalExpertClientOptions options, Func<string, string?> config, bool local) =>
                options.ClientSecret = local ? {|TE0004:"dev-secret"|} : config("TotalExpert:ClientSecret");
        }
        """, Usings + """
        class Setup
        {
            TotalExpertClientOptions Options(Func<string, string?> config, bool local) => new()
            {
                ClientId = "acme",
                ClientSecret = config("TotalExpert:ClientSecret"),
            };

            void Configure(TotalExpertClientOptions options, Func<string, string?> config, bool local) =>
                options.ClientSecret = local ? Environment.GetEnvironmentVariable("TotalExpert__ClientSecret") : config("TotalExpert:ClientSecret");
        }
        """);

    [Fact]
    public Task Fix_on_a_constant_removes_the_secret_from_its_declaration()
    {
        var test = Verifier.Test(Usings + """
            class Setup
            {
                private const string Secret = {|#1:"s3cr3t-value"|};

                TotalExpertClientOptions Options() => new() { ClientId = "acme", ClientSecret = {|#0:Secret|} };
            }
            """);
        test.ExpectedDiagnostics.Add(Verifier.Diagnostic("TE0004").WithLocation(0).WithLocation(1));
        test.FixedCode = Usings + """
            class Setup
            {
                private static readonly string Secret = Environment.GetEnvironmentVariable("TotalExpert__ClientSecret");

                TotalExpertClientOptions Options() => new() { ClientId = "acme", ClientSecret = Secret };
            }
            """;
        return test.RunAsync();
    }

    [Fact]
    public Task Fix_on_a_local_constant_or_readonly_field_with_nullable_annotations_declares_a_nullable_string()
    {
        var test = Verifier.Test(Usings + """
            #nullable enable
            class Setup
            {
                static readonly string Fallback = {|#3:"fallback-secret"|};

                void Configure(TotalExpertClientOptions options, bool local)
                {
                    const string Secret = {|#1:"s3cr3t-value"|};
                    options.ClientSecret = {|#0:Secret|};
                    options.ClientSecret = {|#2:Fallback|};
                }
            }
            """);
        test.ExpectedDiagnostics.Add(Verifier.Diagnostic("TE0004").WithLocation(0).WithLocation(1));
        test.ExpectedDiagnostics.Add(Verifier.Diagnostic("TE0004").WithLocation(2).WithLocation(3));
        test.FixedCode = Usings + """
            #nullable enable
            class Setup
            {
                static readonly string? Fallback = Environment.GetEnvironmentVariable("TotalExpert__ClientSecret");

                void Configure(TotalExpertClientOptions options, bool local)
                {
                    string? Secret = Environment.GetEnvironmentVariable("TotalExpert__ClientSecret");
                    options.ClientSecret = Secret;
                    options.ClientSecret = Fallback;
                }
            }
            """;
        return test.RunAsync();
    }

    [Fact]
    public Task Fix_all_rewrites_a_constant_used_twice_once()
    {
        var test = Verifier.Test(Usings + """
            class Setup
            {
                const string Secret = {|#1:"s3cr3t-value"|};

                TotalExpertClientOptions Options() => new() { ClientSecret = {|#0:Secret|} };

                void Configure(TotalExpertClientOptions options) => options.ClientSecret = {|#2:Secret|};
            }
            """);
        test.ExpectedDiagnostics.Add(Verifier.Diagnostic("TE0004").WithLocation(0).WithLocation(1));
        test.ExpectedDiagnostics.Add(Verifier.Diagnostic("TE0004").WithLocation(2).WithLocation(1));
        test.FixedCode = Usings + """
            class Setup
            {
                static readonly string Secret = Environment.GetEnvironmentVariable("TotalExpert__ClientSecret");

                TotalExpertClientOptions Options() => new() { ClientSecret = Secret };

                void Configure(TotalExpertClientOptions options) => options.ClientSecret = Secret;
            }
            """;
        return test.RunAsync();
    }
}
