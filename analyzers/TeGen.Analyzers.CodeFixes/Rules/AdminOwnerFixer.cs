using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;

namespace TeGen.Analyzers.CodeFixes.Rules;

/// <summary>
/// TE0001: adds <c>Owner = ...</c> to the create model's initializer (or replaces an <c>Owner = null</c> there): the
/// owner declared with <c>tegen.default_owner</c>, or else a placeholder that compiles and says what to put there.
/// A model built by a helper method is fixed in the helper when it is in the same document.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AdminOwnerFixer)), Shared]
public sealed class AdminOwnerFixer : TeGenCodeFix
{
    private const string Todo = "/* TODO: the TE user who owns this record */";

    /// <inheritdoc />
    protected override string DiagnosticId => DiagnosticIds.AdminOwnerMissing;

    internal override Edit? Rewrite(SyntaxNode node, Diagnostic diagnostic, SemanticModel model)
    {
        // A body built by a helper is fixed in the helper, when it is in this document.
        var built = diagnostic.AdditionalLocations.Count > 0 ? SyntaxEdits.Declaration(node, diagnostic) : node;
        if (built is null || SyntaxEdits.Creation(built) is not { } creation
            || !diagnostic.Properties.TryGetValue(DiagnosticProperties.OwnerType, out var ownerType) || ownerType is null)
        {
            return null;
        }

        diagnostic.Properties.TryGetValue(DiagnosticProperties.OwnerFactory, out var factory);
        diagnostic.Properties.TryGetValue(DiagnosticProperties.OwnerValue, out var value);
        var type = SyntaxEdits.TypeName(model, creation.SpanStart, "TeGen.Client." + ownerType);
        var owner = factory is not null && value is not null
            ? $"{type}.{factory}({(factory == "ById" ? value : Quote(value))})"
            : Placeholder(type, ownerType == "InsightOwnerRef");
        var ownerValue = SyntaxEdits.Parse(owner);
        var fixedCreation = SyntaxEdits.Member(creation, "Owner") is { } nullOwner
            ? creation.ReplaceNode(nullOwner.Right, ownerValue.WithTriviaFrom(nullOwner.Right))
            : SyntaxEdits.WithMember(creation, "Owner", ownerValue);
        var title = factory is not null ? $"Set Owner = {owner}" : "Set Owner (placeholder to fill in)";
        return new Edit(creation, fixedCreation, title);
    }

    // Insight owners cannot be named by e-mail, so their placeholder names a username.
    private static string Placeholder(string type, bool insight) => insight
        ? $"{type}.ByUsername({Quote("owner.username")} {Todo})"
        : $"{type}.ByEmail({Quote("owner@example.com")} {Todo})";

    private static string Quote(string text) => SymbolDisplay.FormatLiteral(text, quote: true);
}
