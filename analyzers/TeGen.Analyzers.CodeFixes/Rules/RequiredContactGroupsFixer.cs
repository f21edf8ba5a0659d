using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TeGen.Analyzers.CodeFixes.Rules;

/// <summary>
/// TE0005: adds the missing required groups to the contact's <c>ContactGroups</c>, appending to the collection
/// already written there (collection expression, collection or array initializer) or adding
/// <c>ContactGroups = [...]</c> (a <c>List</c> before C# 12).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RequiredContactGroupsFixer)), Shared]
public sealed class RequiredContactGroupsFixer : TeGenCodeFix
{
    private const string Property = "ContactGroups";

    /// <inheritdoc />
    protected override string DiagnosticId => DiagnosticIds.RequiredContactGroupMissing;

    internal override Edit? Rewrite(SyntaxNode node, Diagnostic diagnostic, ParseOptions? options)
    {
        if (SyntaxEdits.Creation(node) is not { } creation
            || !diagnostic.Properties.TryGetValue(DiagnosticProperties.MissingGroups, out var names) || string.IsNullOrEmpty(names))
        {
            return null;
        }

        var groups = names!.Split('\n').Select(Group).ToList();
        var title = groups.Count == 1 ? "Add the required contact group" : "Add the required contact groups";
        if (SyntaxEdits.Member(creation, Property) is not { } existing)
        {
            var collectionExpressions = options is CSharpParseOptions { LanguageVersion: >= LanguageVersion.CSharp12 };
            var list = collectionExpressions
                ? SyntaxEdits.Qualified("[" + string.Join(", ", groups) + "]")
                : SyntaxEdits.Qualified("new global::System.Collections.Generic.List<global::TeGen.Client.ContactGroupRef> { " + string.Join(", ", groups) + " }");
            return new Edit(creation, SyntaxEdits.WithMember(creation, Property, list), title);
        }

        SyntaxNode? appended = existing.Right;
        foreach (var group in groups.Select(SyntaxEdits.Qualified))
        {
            appended = appended switch
            {
                CollectionExpressionSyntax collection => SyntaxEdits.Append(collection, group),
                BaseObjectCreationExpressionSyntax { Initializer: { } items } created => created.WithInitializer(SyntaxEdits.Append(items, group)),
                ArrayCreationExpressionSyntax { Initializer: { } items } array => array.WithInitializer(SyntaxEdits.Append(items, group)),
                ImplicitArrayCreationExpressionSyntax implicitArray => implicitArray.WithInitializer(SyntaxEdits.Append(implicitArray.Initializer, group)),
                InitializerExpressionSyntax items => SyntaxEdits.Append(items, group),
                _ => null,
            };
        }

        return appended is null ? null : new Edit(existing.Right, appended, title);
    }

    private static string Group(string name) =>
        "new global::TeGen.Client.ContactGroupRef { GroupName = " + SymbolDisplay.FormatLiteral(name, quote: true) + " }";
}
