using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace TeGen.Analyzers.Tests.Support;

/// <summary>
/// Entry points of the rule tests. Sources use markup: <c>{|TE0001:new NewContact|}</c> marks where a diagnostic
/// is expected; a source without markup must produce none. Every source (and every fixed source) must compile.
/// </summary>
internal static class Verify<TAnalyzer, TFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TFix : CodeFixProvider, new()
{
    /// <summary>The usings every test source starts with.</summary>
    public const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using TeGen.Client;

        """;

    public static Task DiagnosticsAsync(string source, params string[] editorConfig) =>
        Test(source, editorConfig).RunAsync();

    /// <summary>An expected TeGen warning, for diagnostics with more than one location (markup <c>{|#0:...|}</c>, <c>{|#1:...|}</c>).</summary>
    public static DiagnosticResult Diagnostic(string id) => new(id, DiagnosticSeverity.Warning);

    /// <summary>Checks the fix on each diagnostic one at a time and Fix All, which must both give <paramref name="fixedSource"/>.</summary>
    public static Task FixAsync(string source, string fixedSource, params string[] editorConfig)
    {
        var test = Test(source, editorConfig);
        test.FixedCode = fixedSource;
        return test.RunAsync();
    }

    public static TeGenTest<TAnalyzer, TFix> Test(string source, params string[] editorConfig)
    {
        var test = new TeGenTest<TAnalyzer, TFix> { TestCode = source };
        if (editorConfig.Length > 0)
        {
            test.WithEditorConfig(editorConfig);
        }

        return test;
    }
}

/// <summary>Analyzer-only tests.</summary>
internal static class Verify<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static Task DiagnosticsAsync(string source, params string[] editorConfig) =>
        Verify<TAnalyzer, EmptyCodeFixProvider>.DiagnosticsAsync(source, editorConfig);

    public static TeGenTest<TAnalyzer, EmptyCodeFixProvider> Test(string source, params string[] editorConfig) =>
        Verify<TAnalyzer, EmptyCodeFixProvider>.Test(source, editorConfig);
}
