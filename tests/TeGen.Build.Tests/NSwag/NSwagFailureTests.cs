using TeGen.Build.NSwag;
using TeGen.Build.Specs;

namespace TeGen.Build.Tests.NSwag;

public class NSwagFailureTests
{
    private const string Spec = "/specs/pets.yaml";

    private static readonly string[] Banner =
    [
        "NSwag command line tool for .NET Core Net100, toolchain v14.7.1.0 (NJsonSchema v11.6.1.0 (Newtonsoft.Json v13.0.0.0))",
        "Visit http://NSwag.org for more information.",
        "NSwag bin directory: /nswag/tools/Net100",
    ];

    [Fact]
    public void An_unknown_switch_is_an_NSwag_failure_naming_it()
    {
        var diagnostic = NSwagFailure.Explain(Spec, readSpecFile: true, 1, [.. Banner, "System.InvalidOperationException: Unrecognised arguments: /noSuchSwitch:true", "   at NConsole.CommandLineProcessor.ProcessAsync()"]);

        Assert.Equal(SpecDiagnosticCodes.NSwagFailed, diagnostic.Code);
        Assert.Equal(SpecDiagnosticSeverity.Error, diagnostic.Severity);
        Assert.StartsWith("NSwag failed (exit code 1): Unrecognised arguments: /noSuchSwitch:true", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal($"{Spec}: TeGen error TEGEN003: {diagnostic.Message}", diagnostic.ToMSBuildFormat());
    }

    [Fact]
    public void A_missing_runtime_or_a_silent_crash_is_an_NSwag_failure()
    {
        Assert.Equal(SpecDiagnosticCodes.NSwagFailed, NSwagFailure.Explain(Spec, true, 150, ["You must install or update .NET to run this application."]).Code);
        var silent = NSwagFailure.Explain(Spec, true, 139, Banner);
        Assert.Equal(SpecDiagnosticCodes.NSwagFailed, silent.Code);
        Assert.Equal("NSwag failed (exit code 139) without a message.", silent.Message);
    }

    [Fact]
    public void A_positioned_reader_error_is_an_invalid_spec_at_that_line()
    {
        var diagnostic = NSwagFailure.Explain(Spec, readSpecFile: true, -1, [.. Banner, "YamlDotNet.Core.YamlException: (Line: 12, Col: 7, Idx: 200) - (Line: 12, Col: 9, Idx: 202): Mapping values are not allowed in this context."]);

        Assert.Equal(SpecDiagnosticCodes.InvalidSpec, diagnostic.Code);
        Assert.Equal((12, 7), (diagnostic.Line, diagnostic.Column));
        Assert.Equal("The OpenAPI description is invalid: Mapping values are not allowed in this context.", diagnostic.Message);
    }

    [Fact]
    public void Positions_in_the_normalized_copy_are_not_reported_as_the_spec_s_lines()
    {
        var diagnostic = NSwagFailure.Explain(Spec, readSpecFile: false, -1, ["Newtonsoft.Json.JsonReaderException: (Line: 12, Col: 7, Idx: 200): Unexpected character."]);

        Assert.Equal(SpecDiagnosticCodes.InvalidSpec, diagnostic.Code);
        Assert.Equal((0, 0), (diagnostic.Line, diagnostic.Column));
        Assert.Equal($"{Spec}: TeGen error TEGEN001: The OpenAPI description is invalid: Unexpected character.", diagnostic.ToMSBuildFormat());
    }

    [Fact]
    public void An_unresolvable_reference_is_an_invalid_spec()
    {
        var diagnostic = NSwagFailure.Explain(Spec, true, -1, ["System.InvalidOperationException: Could not resolve the path '#/components/schemas/Nope'."]);

        Assert.Equal(SpecDiagnosticCodes.InvalidSpec, diagnostic.Code);
        Assert.Contains("'#/components/schemas/Nope'", diagnostic.Message, StringComparison.Ordinal);
    }
}
