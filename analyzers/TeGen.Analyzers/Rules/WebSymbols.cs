using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace TeGen.Analyzers.Rules;

/// <summary>
/// The ASP.NET Core and Azure Functions types that mark per-request code for <see cref="ClientPerCallAnalyzer"/>;
/// each is <c>null</c> in a compilation that does not reference it.
/// </summary>
internal sealed class WebSymbols
{
    private readonly INamedTypeSymbol? _httpContext;
    private readonly INamedTypeSymbol? _endpointRouteBuilder;
    private readonly INamedTypeSymbol?[] _perRequestBaseTypes;
    private readonly INamedTypeSymbol? _apiController;
    private readonly INamedTypeSymbol?[] _functionAttributes;

    public WebSymbols(Compilation compilation)
    {
        // Looked up only where the frameworks are referenced: a lookup reads the type tables of every reference.
        var references = compilation.ReferencedAssemblyNames.Select(a => a.Name).ToList();
        if (!references.Any(n => n.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) || n.StartsWith("Microsoft.Azure", StringComparison.Ordinal)))
        {
            _perRequestBaseTypes = [];
            _functionAttributes = [];
            return;
        }

        _httpContext = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.HttpContext");
        _endpointRouteBuilder = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Routing.IEndpointRouteBuilder");
        _perRequestBaseTypes =
        [
            compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ControllerBase"),
            compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.RazorPages.PageModel"),
        ];
        _apiController = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ApiControllerAttribute");
        _functionAttributes =
        [
            compilation.GetTypeByMetadataName("Microsoft.Azure.Functions.Worker.FunctionAttribute"),
            compilation.GetTypeByMetadataName("Microsoft.Azure.WebJobs.FunctionNameAttribute"),
        ];
    }

    public bool TakesHttpContext(IMethodSymbol method) =>
        _httpContext is not null && method.Parameters.Any(p => SymbolEqualityComparer.Default.Equals(p.Type, _httpContext));

    /// <summary>Whether the lambda is the handler of <c>endpoints.MapGet/MapPost/...(pattern, handler)</c>.</summary>
    public bool IsMinimalApiHandler(IAnonymousFunctionOperation lambda)
    {
        if (_endpointRouteBuilder is null)
        {
            return false;
        }

        return ObjectFlow.CallTakingLambda(lambda) is { TargetMethod: { Name: var name } map }
            && name.StartsWith("Map", StringComparison.Ordinal)
            && map.Parameters.FirstOrDefault()?.Type is { } receiver
            && (SymbolEqualityComparer.Default.Equals(receiver, _endpointRouteBuilder)
                || receiver.AllInterfaces.Contains(_endpointRouteBuilder, SymbolEqualityComparer.Default));
    }

    /// <summary>Controllers and Razor pages: ASP.NET Core creates one per request.</summary>
    public bool IsPerRequestType(INamedTypeSymbol? type) =>
        type is not null
        && (_perRequestBaseTypes.Any(b => ObjectFlow.DerivesFrom(type, b)) || HasApiControllerAttribute(type));

    public bool IsFunction(IMethodSymbol method) =>
        method.GetAttributes().Any(a => _functionAttributes.Any(f => f is not null && SymbolEqualityComparer.Default.Equals(a.AttributeClass, f)));

    private bool HasApiControllerAttribute(INamedTypeSymbol type)
    {
        for (var current = type; current is not null && _apiController is not null; current = current.BaseType)
        {
            if (current.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, _apiController)))
            {
                return true;
            }
        }

        return false;
    }
}
