using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TeGen.Analyzers.CodeFixes.Rules;

/// <summary>
/// TE0002: puts the configured partner prefix in front of a string literal insight type name. Offered only when a
/// prefix is configured, and only on literals (a constant is fixed where it is declared).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InsightTypePrefixFixer)), Shared]
public sealed class InsightTypePrefixFixer : TeGenCodeFix
{
    /// <inheritdoc />
    protected override string DiagnosticId => DiagnosticIds.InsightTypeWithoutPrefix;

    internal override Edit? Rewrite(SyntaxNode node, Diagnostic diagnostic, SemanticModel model)
    {
        if (node is not LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal
            || !diagnostic.Properties.TryGetValue(DiagnosticProperties.PartnerPrefix, out var prefix) || prefix is null)
        {
            return null;
        }

        var name = InsightTypeNaming.Prepend(prefix, literal.Token.ValueText);
        var replacement = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(name)).WithTriviaFrom(literal);
        return new Edit(literal, replacement, $"Prefix with \"{prefix}{InsightTypeNaming.Separator}\"");
    }
}
