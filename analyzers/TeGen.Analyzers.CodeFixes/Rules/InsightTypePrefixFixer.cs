using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TeGen.Analyzers.CodeFixes.Rules;

/// <summary>
/// TE0002: writes the configured partner prefix in front of the insight type name, replacing a prefix that is
/// already there (another partner's, or ours spelled differently) instead of stacking a second one. The string
/// literal is fixed where it is written: at the use, or in the declaration of the <c>const</c> or <c>readonly</c>
/// field the name comes from when that is in the same document. Offered only when a prefix is configured.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InsightTypePrefixFixer)), Shared]
public sealed class InsightTypePrefixFixer : TeGenCodeFix
{
    /// <inheritdoc />
    protected override string DiagnosticId => DiagnosticIds.InsightTypeWithoutPrefix;

    internal override Edit? Rewrite(SyntaxNode node, Diagnostic diagnostic, SemanticModel model)
    {
        if ((SyntaxEdits.Declaration(node, diagnostic) ?? node) is not LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal
            || !diagnostic.Properties.TryGetValue(DiagnosticProperties.PartnerPrefix, out var prefix) || prefix is null)
        {
            return null;
        }

        var name = InsightTypeNaming.WithPrefix(prefix, literal.Token.ValueText);
        var replacement = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(name)).WithTriviaFrom(literal);
        return new Edit(literal, replacement, $"Write \"{name}\"");
    }
}
