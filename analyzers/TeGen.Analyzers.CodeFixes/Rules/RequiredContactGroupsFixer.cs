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
    private const string GroupRef = "TeGen.Client.ContactGroupRef";

    /// <inheritdoc />
    protected override string DiagnosticId => DiagnosticIds.RequiredContactGroupMissing;

    internal override Edit? Rewrite(SyntaxNode node, Diagnostic diagnostic, SemanticModel model)
    {
        if (SyntaxEdits.Creation(node) is not { } creation
            || !diagnostic.Properties.TryGetValue(DiagnosticProperties.MissingGroups, out var names) || string.IsNullOrEmpty(names))
        {
            return null;
        }

        var groupType = SyntaxEdits.TypeName(model, creation.SpanStart, GroupRef);
        var groups = names!.Split('\n').Select(name => $"new {groupType} {{ GroupName = {SymbolDisplay.FormatLiteral(name, quote: true)} }}").ToList();
        var title = groups.Count == 1 ? "Add the required contact group" : "Add the required contact groups";
        if (SyntaxEdits.Member(creation, Property) is not { } existing)
        {
            var collectionExpressions = model.SyntaxTree.Options is CSharpParseOptions { LanguageVersion: >= LanguageVersion.CSharp12 };
            var list = SyntaxEdits.Parse(collectionExpressions
                ? "[" + string.Join(", ", groups) + "]"
                : $"new {SyntaxEdits.TypeName(model, creation.SpanStart, "System.Collections.Generic.List`1", GroupRef)} {{ {string.Join(", ", groups)} }}");
            return new Edit(creation, SyntaxEdits.WithMember(creation, Property, list), title);
        }

        SyntaxNode? appended = existing.Right;
        foreach (var group in groups.Select(SyntaxEdits.Parse))
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

}
