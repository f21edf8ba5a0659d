using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TeGen.Analyzers.CodeFixes.Rules;

/// <summary>
/// TE0004: reads the secret from the <c>TotalExpert__ClientSecret</c> environment variable, the name
/// .NET configuration maps to <c>TotalExpert:ClientSecret</c>, so the value can later move to any configuration
/// source without another code change.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HardcodedSecretFixer)), Shared]
public sealed class HardcodedSecretFixer : TeGenCodeFix
{
    internal const string VariableName = "TotalExpert__ClientSecret";

    /// <inheritdoc />
    protected override string DiagnosticId => DiagnosticIds.HardcodedClientSecret;

    internal override Edit? Rewrite(SyntaxNode node, Diagnostic diagnostic, SemanticModel model)
    {
        if (node is not ExpressionSyntax secret)
        {
            return null;
        }

        var environment = SyntaxEdits.TypeName(model, secret.SpanStart, "System.Environment");
        var read = SyntaxEdits.Parse($"{environment}.GetEnvironmentVariable(\"{VariableName}\")").WithTriviaFrom(secret);
        return new Edit(secret, read, $"Read the secret from the {VariableName} environment variable");
    }
}
