using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace TeGen.Sandbox.Endpoints;

// The routes of the spec's operations, made when routing first asks for them (the first request), not when the host
// starts: the server listens while the spec is still being read.
internal sealed class SpecEndpointSource(Func<IEnumerable<(string Method, string Pattern, RequestDelegate Handler)>> routes) : EndpointDataSource
{
    private readonly Lazy<IReadOnlyList<Endpoint>> _endpoints = new(() =>
    [
        .. routes().Select(route =>
        {
            var builder = new RouteEndpointBuilder(route.Handler, RoutePatternFactory.Parse(route.Pattern), order: 0) { DisplayName = $"{route.Method} {route.Pattern}" };
            builder.Metadata.Add(new HttpMethodMetadata([route.Method]));
            return builder.Build();
        }),
    ]);

    public override IReadOnlyList<Endpoint> Endpoints => _endpoints.Value;

    public override IChangeToken GetChangeToken() => NullChangeToken.Singleton;
}
