using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace TeGen.Analyzers.CodeFixes;

/// <summary>
/// Base of TeGen's code fixes: each fix replaces one syntax node of the document, and Fix All applies the same
/// edit to every occurrence in the scope.
/// </summary>
public abstract class TeGenCodeFix : CodeFixProvider
{
    /// <summary>The edit a fix makes: <see cref="Old"/> becomes <see cref="New"/>.</summary>
    internal readonly struct Edit(SyntaxNode old, SyntaxNode @new, string title)
    {
        public SyntaxNode Old { get; } = old;

        public SyntaxNode New { get; } = @new;

        public string Title { get; } = title;
    }

    /// <summary>The id the fix applies to.</summary>
    protected abstract string DiagnosticId { get; }

    /// <inheritdoc />
    public sealed override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticId);

    /// <inheritdoc />
    public sealed override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (Rewrite(node, diagnostic, model) is { } edit)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        edit.Title,
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(edit.Old, edit.New))),
                        equivalenceKey: DiagnosticId),
                    diagnostic);
            }
        }
    }

    /// <summary>The edit for the diagnostic reported on <paramref name="node"/>; <c>null</c> when none applies.</summary>
    /// <param name="node">The node the diagnostic is on.</param>
    /// <param name="diagnostic">The diagnostic, with the properties its analyzer gave it.</param>
    /// <param name="model">The document's semantic model, to name types as the code in scope can see them.</param>
    internal abstract Edit? Rewrite(SyntaxNode node, Diagnostic diagnostic, SemanticModel model);
}
