using System.Reflection;
using Microsoft.CodeAnalysis.Diagnostics;
using TeGen.Packages.Tests.Support;
using TeGen.Tests;

namespace TeGen.Packages.Tests;

/// <summary>Every diagnostic's help link opens the rule's page in the repository the packages name.</summary>
public class HelpLinkTests
{
    [Fact]
    public void Every_diagnostic_links_to_its_page_in_the_configured_repository()
    {
        var analyzers = typeof(TeGen.Analyzers.DiagnosticIds).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToList();
        var descriptors = analyzers.SelectMany(a => a.SupportedDiagnostics).DistinctBy(d => d.Id).ToList();

        Assert.True(descriptors.Count >= 6, $"only {descriptors.Count} diagnostics found");
        Assert.All(descriptors, d =>
        {
            Assert.Equal($"{PackedPackages.RepositoryUrl}/blob/main/docs/analyzers/{d.Id}.md", d.HelpLinkUri);
            Assert.True(File.Exists(RepoPaths.Combine("docs", "analyzers", d.Id + ".md")), $"docs/analyzers/{d.Id}.md is missing");
        });
    }
}
