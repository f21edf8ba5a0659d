using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace TeGen.Analyzers.CodeFixes.Rules;

/// <summary>
/// TE0004: reads the secret from the <c>TotalExpert__ClientSecret</c> environment variable, the name .NET
/// configuration maps to <c>TotalExpert:ClientSecret</c>, so the value can later move to any configuration source
/// without another code change. The secret is removed where it is written: a literal at the use is replaced, a
/// <c>?? "fallback"</c> is dropped, and a <c>const</c> (or <c>readonly</c> field) declared in the same document
/// becomes a <c>readonly</c> value read from the environment, so no copy of the secret stays behind.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HardcodedSecretFixer)), Shared]
public sealed class HardcodedSecretFixer : TeGenCodeFix
{
    internal const string VariableName = "TotalExpert__ClientSecret";

    private const string Title = "Read the secret from the " + VariableName + " environment variable";

    /// <inheritdoc />
    protected override string DiagnosticId => DiagnosticIds.HardcodedClientSecret;

    internal override Edit? Rewrite(SyntaxNode node, Diagnostic diagnostic, SemanticModel model)
    {
        if (diagnostic.AdditionalLocations.Count > 0)
        {
            return SyntaxEdits.Declaration(node, diagnostic) is ExpressionSyntax declared ? FromDeclaration(declared, model) : null;
        }

        if (node is not ExpressionSyntax secret)
        {
            return null;
        }

        // `config["..."] ?? "secret"`: the configuration read stays, the written fallback goes.
        SyntaxNode outer = secret;
        while (outer.Parent is ParenthesizedExpressionSyntax parenthesized)
        {
            outer = parenthesized;
        }

        if (outer.Parent is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceExpression } coalesce && coalesce.Right == outer)
        {
            return new Edit(coalesce, coalesce.Left.WithTriviaFrom(coalesce), "Remove the hard-coded fallback");
        }

        return new Edit(secret, Read(model, secret), Title);
    }

    /// <summary>The declaration of a <c>const</c> or <c>readonly</c> holding the secret, reading it from the environment instead.</summary>
    private static Edit? FromDeclaration(ExpressionSyntax literal, SemanticModel model)
    {
        if (literal.Parent is not EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: 1 } declaration } })
        {
            return null;
        }

        var read = Read(model, literal);
        switch (declaration.Parent)
        {
            case FieldDeclarationSyntax field when field.Modifiers.Any(SyntaxKind.ConstKeyword):
                var modifiers = field.Modifiers.SelectMany(m => m.IsKind(SyntaxKind.ConstKeyword)
                    ? [Token(m.LeadingTrivia, SyntaxKind.StaticKeyword, TriviaList(Space)), Token(TriviaList(), SyntaxKind.ReadOnlyKeyword, m.TrailingTrivia)]
                    : new[] { m });
                return new Edit(field, field.WithModifiers(TokenList(modifiers)).WithDeclaration(Rewritten(declaration, literal, read, model)), Title);
            case LocalDeclarationStatementSyntax local when local.IsConst:
                var constKeyword = local.Modifiers.First(m => m.IsKind(SyntaxKind.ConstKeyword));
                var withoutConst = local.WithModifiers(local.Modifiers.Remove(constKeyword)).WithDeclaration(Rewritten(declaration, literal, read, model));
                return new Edit(local, withoutConst.WithLeadingTrivia(local.GetLeadingTrivia()), Title);
            case FieldDeclarationSyntax field:
                return new Edit(field, field.WithDeclaration(Rewritten(declaration, literal, read, model)), Title);
            default:
                return null;
        }
    }

    // A const string becomes a string? where nullable annotations are on: the environment variable may be unset.
    private static VariableDeclarationSyntax Rewritten(VariableDeclarationSyntax declaration, ExpressionSyntax literal, ExpressionSyntax read, SemanticModel model)
    {
        var nullable = (model.GetNullableContext(declaration.SpanStart) & NullableContext.AnnotationsEnabled) != 0;
        var type = nullable && declaration.Type is PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.StringKeyword } text
            ? NullableType(text.WithoutTrailingTrivia()).WithTrailingTrivia(text.GetTrailingTrivia())
            : declaration.Type;
        return declaration.ReplaceNode(literal, read).WithType(type);
    }

    private static ExpressionSyntax Read(SemanticModel model, ExpressionSyntax replaced)
    {
        var environment = SyntaxEdits.TypeName(model, replaced.SpanStart, "System.Environment");
        return SyntaxEdits.Parse($"{environment}.GetEnvironmentVariable(\"{VariableName}\")").WithTriviaFrom(replaced);
    }
}
