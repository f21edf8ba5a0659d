using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace TeGen.Analyzers;

/// <summary>
/// Where a newly created TE model goes within the method that creates it. Deliberately simple, and the same for
/// every rule: the object is followed directly into a call, or through the local it is stored in, in source order,
/// until a use decides; a ternary, switch expression or <c>??</c> that may choose the object is followed as the
/// object itself. Setting the watched property to <c>null</c> does not count as a use. Anything the rules cannot see
/// through (the object handed to another method, stored elsewhere, captured by a lambda, or the local reassigned)
/// ends the analysis without a diagnostic.
/// </summary>
internal static class ObjectFlow
{
    public enum Outcome
    {
        /// <summary>Neither stored in a local nor passed to a create call: returned, stored in a field, ...</summary>
        NotFollowed,

        /// <summary>The watched property is read or written (after creation) before any create call.</summary>
        Touched,

        /// <summary>The object reaches a create call; see <see cref="Result.Sink"/>.</summary>
        Sink,

        /// <summary>The object leaves the rules' sight before reaching a create call.</summary>
        Escaped,

        /// <summary>Stored in a local that is never used in a way that matters.</summary>
        Unused,
    }

    public readonly struct Result
    {
        public Result(Outcome outcome, IInvocationOperation? sink = null)
        {
            Outcome = outcome;
            Sink = sink;
        }

        public Outcome Outcome { get; }

        /// <summary>The create call the object is passed to, when <see cref="Outcome"/> is <see cref="Outcome.Sink"/>.</summary>
        public IInvocationOperation? Sink { get; }
    }

    /// <summary>Follows <paramref name="creation"/> until a create call (<paramref name="isSink"/>) or a use of <paramref name="watched"/>.</summary>
    public static Result Follow(IObjectCreationOperation creation, IPropertySymbol watched, Func<IArgumentOperation, bool> isSink)
    {
        // The object goes where the ternary, switch or ?? that may choose it goes.
        IOperation value = creation;
        var parent = Up(creation);
        while (parent is IConditionalOperation { Condition: var condition } && Unwrap(condition) != value
            || parent is ICoalesceOperation { WhenNull: var whenNull } && Unwrap(whenNull) == value
            || parent is ISwitchExpressionArmOperation { Value: var armValue } && Unwrap(armValue) == value)
        {
            value = parent is ISwitchExpressionArmOperation { Parent: { } switchExpression } ? switchExpression : parent;
            parent = Up(value);
        }

        if (parent is IArgumentOperation { Parent: IInvocationOperation direct } argument && isSink(argument))
        {
            return new Result(Outcome.Sink, direct);
        }

        if (StoredIn(value, parent) is not { } local)
        {
            return new Result(Outcome.NotFollowed);
        }

        var function = EnclosingFunction(creation);
        var uses = UsesOf(local, Root(creation)).Where(r => r.Syntax.SpanStart > value.Syntax.Span.End);
        foreach (var use in uses)
        {
            if (EnclosingFunction(use) != function)
            {
                return new Result(Outcome.Escaped);
            }

            switch (Up(use))
            {
                case IPropertyReferenceOperation property when Unwrap(property.Instance) == use:
                    // Setting the property to null leaves it unset, as if the line were not there.
                    if (SymbolEqualityComparer.Default.Equals(property.Property.OriginalDefinition, watched.OriginalDefinition)
                        && !(Up(property) is ISimpleAssignmentOperation { Target: var target } assignment && target == property && IsNull(assignment.Value)))
                    {
                        return new Result(Outcome.Touched);
                    }

                    break;
                case IMemberReferenceOperation member when Unwrap(member.Instance) == use:
                case IInvocationOperation call when Unwrap(call.Instance) == use:
                    break;
                case IArgumentOperation { Parent: IInvocationOperation call } passed when isSink(passed):
                    return new Result(Outcome.Sink, call);
                default:
                    return new Result(Outcome.Escaped);
            }
        }

        return new Result(Outcome.Unused);
    }

    /// <summary>The value given to <paramref name="property"/> in the object initializer, if any.</summary>
    public static IOperation? InitializerValue(IObjectCreationOperation creation, IPropertySymbol property)
    {
        foreach (var initializer in creation.Initializer?.Initializers ?? Enumerable.Empty<IOperation>())
        {
            switch (initializer)
            {
                case IAssignmentOperation { Target: IPropertyReferenceOperation target } assignment when SameProperty(target.Property, property):
                    return assignment.Value;
                case IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation target } nested when SameProperty(target.Property, property):
                    return nested.Initializer;
            }
        }

        return null;
    }

    /// <summary>Whether the value is the constant <c>null</c> (<c>null</c> or <c>default</c> of a reference type).</summary>
    public static bool IsNull(IOperation? value) => Unwrap(value)?.ConstantValue is { HasValue: true, Value: null };

    /// <summary>Whether the argument is the body of a TeGen create method (<c>Create...Async(body)</c>) of <paramref name="model"/>.</summary>
    public static bool IsCreateBody(IArgumentOperation argument, ITypeSymbol model, TeGenSymbols symbols) =>
        argument.Parameter is { } parameter
        && parameter.ContainingSymbol is IMethodSymbol method
        && IsOwnedCreate(method, symbols)
        && SymbolEqualityComparer.Default.Equals(parameter.Type, model);

    /// <summary>
    /// Whether a method is a create whose body needs an owner As Admin: the generated code marks it with
    /// <c>[TeOwnerRequiredAsAdmin]</c> from the spec's <c>x-te-owner</c>, on the interface and on the class behind it
    /// (whichever spec a TeGen.Build project generated it from).
    /// </summary>
    public static bool IsOwnedCreate(IMethodSymbol method, TeGenSymbols symbols) =>
        symbols.OwnerRequiredAsAdmin is { } marker
        && method.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, marker));

    /// <summary>
    /// Where to report on a creation: <c>new NewContact</c> or <c>new NewContact(...)</c> without the initializer,
    /// so the squiggle stays on one line.
    /// </summary>
    public static Location CreationLocation(SyntaxNode syntax)
    {
        var end = syntax switch
        {
            ObjectCreationExpressionSyntax explicitNew => (explicitNew.ArgumentList ?? (SyntaxNode)explicitNew.Type).Span.End,
            ImplicitObjectCreationExpressionSyntax implicitNew => implicitNew.ArgumentList.Span.End,
            _ => syntax.Span.End,
        };
        return Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(syntax.SpanStart, end));
    }

    /// <summary>The operation's parent, skipping conversions and parentheses.</summary>
    public static IOperation? Up(IOperation operation)
    {
        var parent = operation.Parent;
        while (parent is IConversionOperation or IParenthesizedOperation)
        {
            parent = parent.Parent;
        }

        return parent;
    }

    /// <summary>The call a lambda is an argument of (<c>Parallel.ForEachAsync(items, async (item, ct) =&gt; ...)</c>), if it is one.</summary>
    public static IInvocationOperation? CallTakingLambda(IAnonymousFunctionOperation lambda)
    {
        var parent = lambda.Parent;
        while (parent is IDelegateCreationOperation or IConversionOperation)
        {
            parent = parent.Parent;
        }

        return parent is IArgumentOperation { Parent: IInvocationOperation call } ? call : null;
    }

    /// <summary>The operation without conversions and parentheses around it.</summary>
    public static IOperation? Unwrap(IOperation? operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    break;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    break;
                default:
                    return operation;
            }
        }
    }

    /// <summary>Whether <paramref name="type"/> is <paramref name="baseType"/> or derives from it.</summary>
    public static bool DerivesFrom(ITypeSymbol? type, INamedTypeSymbol? baseType)
    {
        for (var current = type; current is not null && baseType is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
            {
                return true;
            }
        }

        return false;
    }

    private static bool SameProperty(IPropertySymbol candidate, IPropertySymbol property) =>
        SymbolEqualityComparer.Default.Equals(candidate.OriginalDefinition, property.OriginalDefinition);

    private static ILocalSymbol? StoredIn(IOperation creation, IOperation? parent) => parent switch
    {
        IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
        ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when Unwrap(assignment.Value) == creation => target.Local,
        _ => null,
    };

    // Every local's references in a body, indexed once per body: a method with many creates is walked once, not
    // once per create (which made the rule's cost grow with the square of the creates in a method).
    private static readonly ConditionalWeakTable<IOperation, Dictionary<ILocalSymbol, List<ILocalReferenceOperation>>> LocalUses = new();

    private static IEnumerable<ILocalReferenceOperation> UsesOf(ILocalSymbol local, IOperation root) =>
        LocalUses.GetValue(root, IndexLocals).TryGetValue(local, out var uses) ? uses : Enumerable.Empty<ILocalReferenceOperation>();

    private static Dictionary<ILocalSymbol, List<ILocalReferenceOperation>> IndexLocals(IOperation root)
    {
        var index = new Dictionary<ILocalSymbol, List<ILocalReferenceOperation>>(SymbolEqualityComparer.Default);
        foreach (var reference in root.Descendants().OfType<ILocalReferenceOperation>())
        {
            if (!index.TryGetValue(reference.Local, out var uses))
            {
                index[reference.Local] = uses = [];
            }

            uses.Add(reference);
        }

        foreach (var uses in index.Values)
        {
            uses.Sort((a, b) => a.Syntax.SpanStart.CompareTo(b.Syntax.SpanStart));
        }

        return index;
    }

    private static IOperation Root(IOperation operation)
    {
        while (operation.Parent is { } parent)
        {
            operation = parent;
        }

        return operation;
    }

    private static IOperation? EnclosingFunction(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return current;
            }
        }

        return null;
    }
}
