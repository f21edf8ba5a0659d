using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace TeGen.Analyzers;

/// <summary>
/// The strings written in source that a value can be, without following data flow: a literal or constant, a
/// <c>readonly</c> field whose declaration initializes it with a literal, each branch of a ternary or arm of a
/// switch expression, and the fallback of <c>??</c>. Each comes with where it was found and, when it is declared
/// elsewhere in source (a <c>const</c> or <c>readonly</c> field or local), the literal that declares it: that is
/// what a fix has to change.
/// </summary>
internal static class ConstantStrings
{
    public readonly struct Found(string value, IOperation use, LiteralExpressionSyntax? declaration)
    {
        public string Value { get; } = value;

        /// <summary>The operation that gives the value where it is used.</summary>
        public IOperation Use { get; } = use;

        /// <summary>The literal of the <c>const</c> or <c>readonly</c> declaration the value comes from; <c>null</c> when written at the use.</summary>
        public LiteralExpressionSyntax? Declaration { get; } = declaration;

        /// <summary>The declaration's location, for <see cref="Diagnostic.AdditionalLocations"/>.</summary>
        public IEnumerable<Location> DeclarationLocations => Declaration is null ? [] : [Declaration.GetLocation()];
    }

    public static List<Found> Of(IOperation value, CancellationToken cancellationToken)
    {
        var found = new List<Found>();
        Collect(value, found, cancellationToken);
        return found;
    }

    private static void Collect(IOperation value, List<Found> found, CancellationToken cancellationToken)
    {
        switch (ObjectFlow.Unwrap(value))
        {
            case { ConstantValue: { HasValue: true, Value: string text } } constant:
                found.Add(new Found(text, constant, constant switch
                {
                    IFieldReferenceOperation { Field.IsConst: true } field => DeclaringLiteral(field.Field, cancellationToken),
                    ILocalReferenceOperation { Local.IsConst: true } local => DeclaringLiteral(local.Local, cancellationToken),
                    _ => null,
                }));
                break;
            case IFieldReferenceOperation { Field.IsReadOnly: true } field when DeclaringLiteral(field.Field, cancellationToken) is { } literal:
                found.Add(new Found(literal.Token.ValueText, field, literal));
                break;
            case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                Collect(conditional.WhenTrue, found, cancellationToken);
                Collect(whenFalse, found, cancellationToken);
                break;
            case ISwitchExpressionOperation switchExpression:
                foreach (var arm in switchExpression.Arms)
                {
                    Collect(arm.Value, found, cancellationToken);
                }

                break;
            case ICoalesceOperation coalesce:
                Collect(coalesce.WhenNull, found, cancellationToken);
                break;
        }
    }

    private static LiteralExpressionSyntax? DeclaringLiteral(ISymbol symbol, CancellationToken cancellationToken) =>
        symbol.DeclaringSyntaxReferences.Length == 1
        && symbol.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: LiteralExpressionSyntax literal }
        && literal.IsKind(SyntaxKind.StringLiteralExpression)
            ? literal
            : null;
}
