using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace TeGen.Analyzers.CodeFixes;

/// <summary>Syntax edits the fixes share: appending to initializers and lists in the layout already there.</summary>
internal static class SyntaxEdits
{
    /// <summary>
    /// The shortest name of a type that means it at <paramref name="position"/>: <c>OwnerRef</c> where
    /// <c>TeGen.Client</c> is imported, <c>TeGen.Client.OwnerRef</c> elsewhere.
    /// </summary>
    public static string TypeName(SemanticModel model, int position, string metadataName, params string[] typeArguments)
    {
        var type = model.Compilation.GetTypeByMetadataName(metadataName);
        if (type is null)
        {
            return metadataName;
        }

        if (typeArguments.Length > 0)
        {
            var arguments = typeArguments.Select(a => model.Compilation.GetTypeByMetadataName(a)).ToArray();
            if (arguments.Any(a => a is null))
            {
                return metadataName;
            }

            type = type.Construct(arguments!);
        }

        return type.ToMinimalDisplayString(model, position);
    }

    /// <summary>Parses an expression the fix writes.</summary>
    public static ExpressionSyntax Parse(string code) => ParseExpression(code);

    /// <summary>
    /// The node at the diagnostic's first additional location (where the analyzer found the value declared) when it
    /// is in the same document as <paramref name="node"/>; <c>null</c> otherwise: the fixes edit one document.
    /// </summary>
    public static SyntaxNode? Declaration(SyntaxNode node, Diagnostic diagnostic) =>
        diagnostic.AdditionalLocations.FirstOrDefault() is { SourceTree: { } tree } location && tree == node.SyntaxTree
            ? node.SyntaxTree.GetRoot().FindNode(location.SourceSpan, getInnermostNodeForTie: true)
            : null;

    /// <summary>The creation of <paramref name="node"/> (the node a diagnostic was reported on, or inside it).</summary>
    public static BaseObjectCreationExpressionSyntax? Creation(SyntaxNode node) =>
        node.FirstAncestorOrSelf<BaseObjectCreationExpressionSyntax>();

    /// <summary>The assignment <c>Name = ...</c> in the creation's object initializer, if any.</summary>
    public static AssignmentExpressionSyntax? Member(BaseObjectCreationExpressionSyntax creation, string name) =>
        creation.Initializer?.Expressions.OfType<AssignmentExpressionSyntax>()
            .FirstOrDefault(a => a.Left is IdentifierNameSyntax { Identifier.ValueText: var text } && text == name);

    /// <summary><c>new T(...)</c> or <c>new T { ... }</c> with <c>name = value</c> added to its initializer.</summary>
    public static BaseObjectCreationExpressionSyntax WithMember(BaseObjectCreationExpressionSyntax creation, string name, ExpressionSyntax value)
    {
        var assignment = AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, IdentifierName(name), value);
        if (creation.Initializer is { } initializer)
        {
            return creation.WithInitializer(Append(initializer, assignment));
        }

        // `new T()` gets ` { Name = value }` after its argument list, keeping what followed the creation.
        var trailing = creation.GetTrailingTrivia();
        var added = InitializerExpression(
            SyntaxKind.ObjectInitializerExpression,
            Token(SyntaxKind.OpenBraceToken).WithLeadingTrivia(Space).WithTrailingTrivia(Space),
            SingletonSeparatedList<ExpressionSyntax>(assignment),
            Token(SyntaxKind.CloseBraceToken).WithLeadingTrivia(Space));
        return creation.WithoutTrailingTrivia().WithInitializer(added).WithTrailingTrivia(trailing);
    }

    /// <summary>The initializer with <paramref name="item"/> appended.</summary>
    public static InitializerExpressionSyntax Append(InitializerExpressionSyntax initializer, ExpressionSyntax item) =>
        initializer.WithExpressions(Append(initializer.Expressions, item, initializer.OpenBraceToken));

    /// <summary>The collection expression with <paramref name="item"/> appended.</summary>
    public static CollectionExpressionSyntax Append(CollectionExpressionSyntax collection, ExpressionSyntax item) =>
        collection.WithElements(Append(collection.Elements, ExpressionElement(item), collection.OpenBracketToken));

    /// <summary>
    /// Appends to a comma-separated list one item per line when the list is laid out that way (after
    /// <paramref name="open"/> comes a line break), on the same line otherwise; a trailing comma is kept.
    /// </summary>
    private static SeparatedSyntaxList<T> Append<T>(SeparatedSyntaxList<T> list, T item, SyntaxToken open)
        where T : SyntaxNode
    {
        if (list.Count == 0)
        {
            return SingletonSeparatedList(item);
        }

        var multiline = open.TrailingTrivia.Any(SyntaxKind.EndOfLineTrivia);
        var last = list[list.Count - 1];
        var hasTrailingComma = list.SeparatorCount == list.Count;
        var nodes = list.GetWithSeparators();
        if (!multiline)
        {
            var comma = Token(SyntaxKind.CommaToken).WithTrailingTrivia(Space);
            return hasTrailingComma
                ? SeparatedList<T>(nodes.Add(item).Add(Token(SyntaxKind.CommaToken).WithTrailingTrivia(Space)))
                : SeparatedList<T>(nodes.Replace(last, last.WithoutTrailingTrivia()).Add(comma).Add(item.WithTrailingTrivia(last.GetTrailingTrivia())));
        }

        var indented = item.WithLeadingTrivia(last.GetLeadingTrivia());
        if (hasTrailingComma)
        {
            var lastComma = list.GetSeparator(list.Count - 1);
            return SeparatedList<T>(nodes.Add(indented).Add(Token(SyntaxKind.CommaToken).WithTrailingTrivia(lastComma.TrailingTrivia)));
        }

        var lineEnd = last.GetTrailingTrivia();
        return SeparatedList<T>(nodes
            .Replace(last, last.WithoutTrailingTrivia())
            .Add(Token(SyntaxKind.CommaToken).WithTrailingTrivia(lineEnd))
            .Add(indented.WithTrailingTrivia(lineEnd)));
    }
}
