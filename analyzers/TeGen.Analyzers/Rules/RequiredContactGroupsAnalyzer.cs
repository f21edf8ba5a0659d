using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace TeGen.Analyzers.Rules;

/// <summary>
/// TE0005: with <c>tegen.required_groups</c> configured, a <c>new NewContact { ... }</c> whose
/// <c>ContactGroups</c> does not name every required group (by a constant <c>GroupName</c>). ContactGroups given
/// as a collection expression, a collection initializer or an array initializer is read; anything else (a
/// variable, a spread, a computed name), or a contact whose groups the method touches later, is not judged. Names
/// are compared as the SDK compares them: trimmed, ignoring case.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RequiredContactGroupsAnalyzer : TeGenAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.RequiredContactGroupMissing);

    internal override void Start(CompilationStartAnalysisContext context, TeGenSymbols symbols)
    {
        var properties = new Lazy<(IPropertySymbol? Groups, IPropertySymbol? GroupName)>(() => (
            symbols.NewContact?.GetMembers("ContactGroups").OfType<IPropertySymbol>().FirstOrDefault(),
            symbols.ContactGroupRef?.GetMembers("GroupName").OfType<IPropertySymbol>().FirstOrDefault()));
        context.RegisterSyntaxNodeAction(
            c =>
            {
                var syntax = (BaseObjectCreationExpressionSyntax)c.Node;
                if (TeGenSettings.For(c.Options, syntax.SyntaxTree).RequiredGroups is { IsEmpty: false } required
                    && (SyntaxFilters.CreatedTypeName(syntax) is { } typeName ? typeName == TeGenSymbols.NewContactName : SyntaxFilters.IsArgumentOf(syntax, symbols.Names.OwnedCreates))
                    && properties.Value is { Groups: { } groups, GroupName: { } groupName }
                    && c.SemanticModel.GetOperation(syntax, c.CancellationToken) is IObjectCreationOperation creation
                    && ObjectFlow.DerivesFrom(creation.Type, symbols.NewContact))
                {
                    Analyze(c, creation, required, symbols, groups, groupName);
                }
            },
            SyntaxKind.ObjectCreationExpression,
            SyntaxKind.ImplicitObjectCreationExpression);
    }

    private static void Analyze(
        SyntaxNodeAnalysisContext context, IObjectCreationOperation creation, ImmutableArray<string> required, TeGenSymbols symbols, IPropertySymbol groups, IPropertySymbol groupName)
    {
        // TE's group names, as the SDK matches them: trimmed, ignoring case.
        var named = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (ObjectFlow.InitializerValue(creation, groups) is { } value && !TryReadNames(value, symbols, groupName, named))
        {
            return;
        }

        var missing = required.Where(g => !named.Contains(g)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var flow = ObjectFlow.Follow(creation, groups, argument => ObjectFlow.IsCreateBody(argument, symbols.NewContact!, symbols));
        if (flow.Outcome is ObjectFlow.Outcome.Touched or ObjectFlow.Outcome.Escaped)
        {
            return;
        }

        var properties = ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.MissingGroups, string.Join("\n", missing));
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.RequiredContactGroupMissing,
            ObjectFlow.CreationLocation(creation.Syntax),
            properties,
            missing.Count == 1 ? string.Empty : "s",
            string.Join(", ", missing.Select(g => "'" + g + "'")),
            missing.Count == 1 ? "it" : "them"));
    }

    /// <summary>Collects the constant group names of a collection; <c>false</c> when it cannot be read.</summary>
    private static bool TryReadNames(IOperation value, TeGenSymbols symbols, IPropertySymbol groupName, HashSet<string> names)
    {
        IEnumerable<IOperation> elements;
        switch (ObjectFlow.Unwrap(value))
        {
            case ICollectionExpressionOperation collection:
                elements = collection.Elements;
                break;
            case IObjectCreationOperation { Arguments.IsEmpty: true, Initializer: { } initializer }
                when initializer.Initializers.All(i => i is IInvocationOperation { Arguments.Length: 1 }):
                elements = initializer.Initializers.Select(i => ((IInvocationOperation)i).Arguments[0].Value);
                break;
            case IArrayCreationOperation { Initializer: { } array }:
                elements = array.ElementValues;
                break;
            case IMemberInitializerOperation nested when nested.Initializer is IObjectOrCollectionInitializerOperation items
                && items.Initializers.All(i => i is IInvocationOperation { Arguments.Length: 1 }):
                elements = items.Initializers.Select(i => ((IInvocationOperation)i).Arguments[0].Value);
                break;
            default:
                return false;
        }

        foreach (var element in elements)
        {
            if (ObjectFlow.Unwrap(element) is not IObjectCreationOperation group
                || !SymbolEqualityComparer.Default.Equals(group.Type, symbols.ContactGroupRef))
            {
                return false;
            }

            switch (ObjectFlow.InitializerValue(group, groupName))
            {
                case null:
                    // Named by id only: it cannot be one of the required groups, which are matched by name.
                    break;
                case { ConstantValue: { HasValue: true, Value: string name } }:
                    names.Add(name.Trim());
                    break;
                default:
                    return false;
            }
        }

        return true;
    }
}
