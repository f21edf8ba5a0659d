using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TeGen.Analyzers;

/// <summary>
/// What the rules can tell from syntax alone, before they ask the semantic model: asking it binds the whole
/// method body, which is most of what an analyzer costs in a build, so only nodes that name a TeGen type, member or
/// create get that far (see <see cref="TeGenNames"/>).
/// </summary>
internal static class SyntaxFilters
{
    /// <summary>
    /// The simple name of the type a creation builds: the one written after <c>new</c>, or for a target-typed
    /// <c>new()</c> the declared type of the variable, field or property it initializes or of the method that returns
    /// it; <c>null</c> when the syntax does not say.
    /// </summary>
    public static string? CreatedTypeName(BaseObjectCreationExpressionSyntax creation) => creation switch
    {
        ObjectCreationExpressionSyntax explicitNew => RightmostName(explicitNew.Type),
        _ => creation.Parent switch
        {
            EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } } when !declaration.Type.IsVar => RightmostName(declaration.Type),
            EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property } => RightmostName(property.Type),
            ArrowExpressionClauseSyntax { Parent: MethodDeclarationSyntax method } => RightmostName(method.ReturnType),
            ReturnStatementSyntax returned => RightmostName(returned.FirstAncestorOrSelf<MethodDeclarationSyntax>()?.ReturnType),
            _ => null,
        },
    };

    /// <summary>The last simple name of a (qualified, generic, nullable, member access) name: <c>Create</c> in <c>a.b.Create</c>.</summary>
    public static string? RightmostName(SyntaxNode? node) => node switch
    {
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        NullableTypeSyntax nullable => RightmostName(nullable.ElementType),
        _ => null,
    };

    /// <summary>Whether the expression is an argument (or a branch of a ternary or switch that is one) of a call to one of <paramref name="methods"/>.</summary>
    public static bool IsArgumentOf(ExpressionSyntax expression, ImmutableHashSet<string> methods)
    {
        SyntaxNode node = expression;
        while (node.Parent is ParenthesizedExpressionSyntax or ConditionalExpressionSyntax or SwitchExpressionArmSyntax or SwitchExpressionSyntax)
        {
            node = node.Parent;
        }

        return node.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax call } }
            && RightmostName(call.Expression) is { } name && methods.Contains(name);
    }

    /// <summary>Whether the creation's initializer gives <paramref name="member"/> a value other than <c>null</c> or <c>default</c>.</summary>
    public static bool SetsMember(BaseObjectCreationExpressionSyntax creation, string member) =>
        creation.Initializer?.Expressions.Any(e => e is AssignmentExpressionSyntax { Left: IdentifierNameSyntax name } assignment
            && name.Identifier.ValueText == member
            && !IsNullLiteral(assignment.Right)) == true;

    /// <summary><c>null</c> or <c>default</c>, in parentheses or not.</summary>
    public static bool IsNullLiteral(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized.Expression;
        }

        return expression.IsKind(SyntaxKind.NullLiteralExpression) || expression.IsKind(SyntaxKind.DefaultLiteralExpression);
    }
}
