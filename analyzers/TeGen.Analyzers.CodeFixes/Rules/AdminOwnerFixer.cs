using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;

namespace TeGen.Analyzers.CodeFixes.Rules;

/// <summary>
/// TE0001: adds <c>Owner = ...</c> to the create model's initializer: the owner declared with
/// <c>tegen.default_owner</c>, or else a placeholder that compiles and says what to put there.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AdminOwnerFixer)), Shared]
public sealed class AdminOwnerFixer : TeGenCodeFix
{
    private const string Todo = "/* TODO: the TE user who owns this record */";

    /// <inheritdoc />
    protected override string DiagnosticId => DiagnosticIds.AdminOwnerMissing;

    internal override Edit? Rewrite(SyntaxNode node, Diagnostic diagnostic, SemanticModel model)
    {
        if (SyntaxEdits.Creation(node) is not { } creation
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
        var fixedCreation = SyntaxEdits.WithMember(creation, "Owner", SyntaxEdits.Parse(owner));
        var title = factory is not null ? $"Set Owner = {owner}" : "Set Owner (placeholder to fill in)";
        return new Edit(creation, fixedCreation, title);
    }

    // Insight owners cannot be named by e-mail, so their placeholder names a username.
    private static string Placeholder(string type, bool insight) => insight
        ? $"{type}.ByUsername({Quote("owner.username")} {Todo})"
        : $"{type}.ByEmail({Quote("owner@example.com")} {Todo})";

    private static string Quote(string text) => SymbolDisplay.FormatLiteral(text, quote: true);
}
