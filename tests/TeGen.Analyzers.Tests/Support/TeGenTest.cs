using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace TeGen.Analyzers.Tests.Support;

/// <summary>
/// An analyzer (and code fix) test compiled offline against <see cref="TestReferences"/>, with the project's
/// TeGen settings given as .editorconfig lines or MSBuild properties.
/// </summary>
internal sealed class TeGenTest<TAnalyzer, TFix> : CSharpCodeFixTest<TAnalyzer, TFix, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TFix : CodeFixProvider, new()
{
    public TeGenTest()
    {
        // No reference pack: the references come from the test host (downloading packs would need the network).
        ReferenceAssemblies = new ReferenceAssemblies("net10.0");
        TestState.AdditionalReferences.AddRange(TestReferences.Client);
    }

    /// <summary>The C# version test code is parsed with; the fixes write older syntax for older versions.</summary>
    public LanguageVersion LanguageVersion { get; set; } = LanguageVersion.Latest;

    protected override ParseOptions CreateParseOptions() =>
        ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion);

    /// <summary>Lines of the .editorconfig section that applies to every C# file, e.g. <c>tegen.mode = admin</c>.</summary>
    public TeGenTest<TAnalyzer, TFix> WithEditorConfig(params string[] lines)
    {
        TestState.AnalyzerConfigFiles.Add(("/.editorconfig", string.Join('\n', ["root = true", "", "[*.cs]", .. lines])));
        return this;
    }

    /// <summary>Compiles against ASP.NET Core as well.</summary>
    public TeGenTest<TAnalyzer, TFix> WithAspNetCore()
    {
        TestState.AdditionalReferences.Clear();
        TestState.AdditionalReferences.AddRange(TestReferences.Web);
        return this;
    }

    /// <summary>MSBuild properties as the compiler sees them through CompilerVisibleProperty (<c>build_property.X</c>).</summary>
    public TeGenTest<TAnalyzer, TFix> WithBuildProperties(params (string Name, string Value)[] properties)
    {
        TestState.AnalyzerConfigFiles.Add(("/.globalconfig", string.Join('\n', ["is_global = true", .. properties.Select(p => $"build_property.{p.Name} = {p.Value}")])));
        return this;
    }
}
