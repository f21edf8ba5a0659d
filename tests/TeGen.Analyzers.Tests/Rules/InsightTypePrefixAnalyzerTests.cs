using Verifier = TeGen.Analyzers.Tests.Support.Verify<TeGen.Analyzers.Rules.InsightTypePrefixAnalyzer, TeGen.Analyzers.CodeFixes.Rules.InsightTypePrefixFixer>;

namespace TeGen.Analyzers.Tests.Rules;

public class InsightTypePrefixAnalyzerTests
{
    private const string Usings = Verifier.Usings;
    private const string Prefix = "tegen.partner_prefix = Acme Lending";

    [Fact]
    public Task Reports_a_name_without_the_configured_prefix() => Verifier.DiagnosticsAsync(Usings + """
        class Events
        {
            InsightTypeRef Submitted() => InsightTypeRef.ByName({|TE0002:"Loan application submitted"|});
        }
        """,
        Prefix);

    [Fact]
    public Task Reports_another_partners_prefix_configured_through_msbuild()
    {
        var test = Verifier.Test(Usings + """
            class Events
            {
                InsightTypeRef Submitted() => new InsightTypeRef { Type = {|TE0002:"Other Co: Loan application submitted"|} };
            }
            """);
        test.WithBuildProperties(("TeGenPartnerPrefix", "Acme Lending"));
        return test.RunAsync();
    }

    [Fact]
    public Task Reports_a_constant_without_any_prefix_when_none_is_configured() => Verifier.DiagnosticsAsync(Usings + """
        class Events
        {
            const string Submitted = "Loan application submitted";

            void Set(NewInsight insight) => insight.Type = InsightTypeRef.ByName({|TE0002:Submitted|});
        }
        """);

    [Fact]
    public Task Reports_an_assignment_to_the_type_name() => Verifier.DiagnosticsAsync(Usings + """
        class Events
        {
            void Set(NewInsight insight) => insight.Type.Type = {|TE0002:"Loan approved"|};
        }
        """,
        Prefix);

    [Fact]
    public Task Accepts_a_prefixed_name_when_none_is_configured() => Verifier.DiagnosticsAsync(Usings + """
        class Events
        {
            InsightTypeRef Submitted() => InsightTypeRef.ByName("Acme Lending: Loan application submitted");
        }
        """);

    [Fact]
    public Task Accepts_the_configured_prefix_written_with_a_trailing_colon() => Verifier.DiagnosticsAsync(Usings + """
        class Events
        {
            InsightTypeRef Submitted() => new() { Type = "Acme Lending: Loan application submitted" };
        }
        """,
        "tegen.partner_prefix = Acme Lending:");

    [Fact]
    public Task Leaves_names_built_at_run_time_and_two_part_names_to_the_SDK() => Verifier.DiagnosticsAsync(Usings + """
        class Events
        {
            InsightTypeRef FromClient(TotalExpertClient client) => InsightTypeRef.ByName(client.InsightTypeName("Loan application submitted"));

            InsightTypeRef FromParts() => InsightTypeRef.ByName("Acme Lending", "Loan application submitted");

            InsightTypeRef FromVariable(string name) => InsightTypeRef.ByName(name);
        }
        """,
        Prefix);

    [Fact]
    public Task Fix_all_prepends_the_configured_prefix() => Verifier.FixAsync(Usings + """
        class Events
        {
            InsightTypeRef Submitted() => InsightTypeRef.ByName({|TE0002:"Loan application submitted"|});

            InsightTypeRef Approved() => new InsightTypeRef { Type = {|TE0002:"Loan approved"|} };
        }
        """, Usings + """
        class Events
        {
            InsightTypeRef Submitted() => InsightTypeRef.ByName("Acme Lending: Loan application submitted");

            InsightTypeRef Approved() => new InsightTypeRef { Type = "Acme Lending: Loan approved" };
        }
        """,
        Prefix);

    [Fact]
    public Task No_fix_without_a_configured_prefix_or_on_a_constant()
    {
        var source = Usings + """
            class Events
            {
                const string Approved = "Loan approved";

                InsightTypeRef Submitted() => InsightTypeRef.ByName({|TE0002:"Loan application submitted"|});

                InsightTypeRef Approval() => InsightTypeRef.ByName({|TE0002:Approved|});
            }
            """;
        return Verifier.FixAsync(source, source);
    }

    [Fact]
    public Task Reports_a_static_readonly_field_and_the_fix_prefixes_its_declaration()
    {
        var test = Verifier.Test(Usings + """
            class Events
            {
                private static readonly string Submitted = {|#1:"Loan application submitted"|};

                InsightTypeRef Type() => InsightTypeRef.ByName({|#0:Submitted|});
            }
            """, Prefix);
        test.ExpectedDiagnostics.Add(Verifier.Diagnostic("TE0002").WithLocation(0).WithLocation(1)
            .WithArguments("Loan application submitted", "does not start with the partner prefix \"Acme Lending: \""));
        test.FixedCode = Usings + """
            class Events
            {
                private static readonly string Submitted = "Acme Lending: Loan application submitted";

                InsightTypeRef Type() => InsightTypeRef.ByName(Submitted);
            }
            """;
        return test.RunAsync();
    }

    [Fact]
    public Task Fix_prefixes_a_constant_where_it_is_declared()
    {
        var test = Verifier.Test(Usings + """
            class Events
            {
                const string Approved = {|#1:"Loan approved"|};

                void Set(NewInsight insight) => insight.Type = InsightTypeRef.ByName({|#0:Approved|});
            }
            """, Prefix);
        test.ExpectedDiagnostics.Add(Verifier.Diagnostic("TE0002").WithLocation(0).WithLocation(1)
            .WithArguments("Loan approved", "does not start with the partner prefix \"Acme Lending: \""));
        test.FixedCode = Usings + """
            class Events
            {
                const string Approved = "Acme Lending: Loan approved";

                void Set(NewInsight insight) => insight.Type = InsightTypeRef.ByName(Approved);
            }
            """;
        return test.RunAsync();
    }

    [Fact]
    public Task Reports_the_arms_of_a_switch_expression_and_the_branches_of_a_ternary() => Verifier.FixAsync(Usings + """
        enum Stage { Submitted, Approved, Closed }

        class Events
        {
            InsightTypeRef For(Stage stage, string custom) => InsightTypeRef.ByName(stage switch
            {
                Stage.Submitted => "Acme Lending: Loan application submitted",
                Stage.Approved => {|TE0002:"Loan approved"|},
                _ => custom,
            });

            InsightTypeRef Either(bool approved) => new() { Type = approved ? {|TE0002:"Loan approved"|} : "Acme Lending: Loan denied" };
        }
        """, Usings + """
        enum Stage { Submitted, Approved, Closed }

        class Events
        {
            InsightTypeRef For(Stage stage, string custom) => InsightTypeRef.ByName(stage switch
            {
                Stage.Submitted => "Acme Lending: Loan application submitted",
                Stage.Approved => "Acme Lending: Loan approved",
                _ => custom,
            });

            InsightTypeRef Either(bool approved) => new() { Type = approved ? "Acme Lending: Loan approved" : "Acme Lending: Loan denied" };
        }
        """,
        Prefix);

    [Fact]
    public Task Accepts_a_mutable_field_and_a_readonly_field_set_from_outside() => Verifier.DiagnosticsAsync(Usings + """
        class Events(string configured)
        {
            private static string _mutable = "Loan approved";
            private readonly string _configured = configured;

            InsightTypeRef Mutable() => InsightTypeRef.ByName(_mutable);

            InsightTypeRef Configured() => InsightTypeRef.ByName(_configured);
        }
        """,
        Prefix);

    [Fact]
    public Task Fix_replaces_another_partners_prefix_and_our_own_written_without_the_space() => Verifier.FixAsync(Usings + """
        class Events
        {
            InsightTypeRef Other() => InsightTypeRef.ByName({|TE0002:"Beta Bank: Loan approved"|});

            InsightTypeRef Squeezed() => InsightTypeRef.ByName({|TE0002:"Acme Lending:Loan approved"|});

            InsightTypeRef Spaced() => InsightTypeRef.ByName({|TE0002:"acme lending : Loan approved"|});
        }
        """, Usings + """
        class Events
        {
            InsightTypeRef Other() => InsightTypeRef.ByName("Acme Lending: Loan approved");

            InsightTypeRef Squeezed() => InsightTypeRef.ByName("Acme Lending: Loan approved");

            InsightTypeRef Spaced() => InsightTypeRef.ByName("Acme Lending: Loan approved");
        }
        """,
        Prefix);
}
