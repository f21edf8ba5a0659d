using System.Text.Json.Nodes;
using TeGen.Sandbox.Auth;
using TeGen.Sandbox.Domain;
using TeGen.Sandbox.Http;
using TeGen.Sandbox.Paging;
using TeGen.Sandbox.Replies;
using TeGen.Sandbox.Spec;
using TeGen.Sandbox.Validation;
using TeGen.Sandbox.Views;

namespace TeGen.Sandbox.Endpoints;

// Every operation of the spec, routed. Order of checks: token (401), scope (401), admin-only (403), body (415 / 400),
// body and query against the spec (422 / 400), then the rule, which runs under the store lock; the answer is cut to
// the operation's response schema.
internal static class OperationEndpoint
{
    public static void Map(IEndpointRouteBuilder app, Func<Api> api) => app.DataSources.Add(new SpecEndpointSource(() => Routes(api())));

    private static IEnumerable<(string Method, string Pattern, RequestDelegate Handler)> Routes(Api api)
    {
        // The token request takes Basic credentials and form bodies too; Auth serves it.
        foreach (var operation in api.Spec.Operations.Where(operation => !operation.UsesBasicAuth))
        {
            var scope = api.State.Options.RequiredScopes
                .Where(entry => RequestPaths.IsUnder(operation.Path, entry.Key))
                .OrderByDescending(entry => entry.Key.Length)
                .Select(entry => entry.Value)
                .FirstOrDefault();
            yield return (operation.Method, Pattern(operation), context => ExecuteAsync(context, api, operation, scope));
        }
    }

    // Integer path parameters constrain the route, so "/v1/contacts/abc" is an unknown path as it is at TE.
    public static string Pattern(SpecOperation operation) =>
        operation.PathParameters.Aggregate(operation.Path, (path, parameter) =>
            parameter.Shape.Is(Microsoft.OpenApi.JsonSchemaType.Integer) ? path.Replace($"{{{parameter.Name}}}", $"{{{parameter.Name}:long}}", StringComparison.Ordinal) : path);

    private static async Task ExecuteAsync(HttpContext context, Api api, SpecOperation operation, string? scope)
    {
        TeReply reply;
        try
        {
            var raw = operation.ReadsBody || operation.UploadTypes.Count > 0 ? await JsonBody.ReadAsync(context.Request) : null;
            reply = Handle(context, api, operation, scope, raw);
        }
        catch (TeException e)
        {
            reply = e.Reply;
        }

        await TeHttp.WriteAsync(context, reply);
    }

    private static TeReply Handle(HttpContext context, Api api, SpecOperation operation, string? scope, byte[]? raw)
    {
        var kind = OperationKinds.Of(operation);
        var options = api.State.Options;
        lock (api.State.Store.Gate)
        {
            if (operation.IsPublic && kind == OperationKind.Fixed)
            {
                return Shaped(Fixed(operation), operation, options);
            }

            var caller = BearerAuthentication.Authenticate(context, api.State, scope);
            var resource = api.Resources.For(operation.Collection);
            if (resource.AdminOnly && !caller.IsAdmin)
            {
                throw TeErrors.Forbidden("this resource is available to organization administrators only");
            }

            var upload = operation.UploadTypes.Count > 0 ? new Upload(raw ?? [], context.Request.ContentType, context.Request.Headers) : null;
            var body = raw is null || upload is not null ? new JsonObject() : resource.Normalize(JsonBody.ParseObject(context.Request.ContentType, raw));
            if (operation.Body is { } schema)
            {
                body = new BodyValidator(options, checkRequired: !resource.ChecksRequired).Validate(body, schema);
            }

            QueryValidator.Validate(context.Request.Query, operation.QueryParameters, Listing.Parameters);
            var routeId = operation.PathParameters.Count > 0 ? context.Request.RouteValues[operation.PathParameters[^1].Name]?.ToString() : null;
            var call = new TeCall(api.State, caller, body, routeId, context.Request.Host.Value ?? "localhost", context.Request.Path.Value ?? "") { Upload = upload, Query = context.Request.Query };
            return Shaped(Dispatch(kind, operation, resource, call, context.Request.Query, api), operation, options);
        }
    }

    private static TeReply Dispatch(OperationKind kind, SpecOperation operation, Resource resource, TeCall call, IQueryCollection query, Api api)
    {
        var view = RecordViews.For(resource.Collection);
        var reader = new View(api.State.Tenants, api.State.Store, api.State.Options, api.Spec, AsUser: !call.Caller.IsAdmin);
        return kind switch
        {
            OperationKind.List => Listing.Page(query, resource.Paging(call.Options), resource.Visible(call).Select(row => view.Render(row, reader)), resource.Filters),
            OperationKind.Get => TeReply.Ok(view.Render(resource.Find(call), reader)),
            OperationKind.Create => resource.Create(call),
            OperationKind.Update => resource.Update(call, resource.Find(call)),
            OperationKind.Delete => resource.Delete(call, resource.Find(call)),
            _ => resource.Act(call, operation.Method) ?? Fixed(operation),
        };
    }

    // An operation that stores nothing (heartbeat, teapot, an action) answers its success with the spec's examples.
    private static TeReply Fixed(SpecOperation operation) =>
        new(operation.SuccessStatus, ExampleBody.Build(operation.ResponseShape(operation.SuccessStatus)));

    // Errors keep their shape; every other answer is cut to the operation's schema for its status.
    private static TeReply Shaped(TeReply reply, SpecOperation operation, TeSandboxOptions options)
    {
        if ((reply.Status >= 400 && !operation.OwnResponses.Contains(reply.Status)) || operation.ResponseShape(reply.Status) is not { } shape)
        {
            return reply;
        }

        var body = Projection.Project(reply.Body, shape)!;
        if (options.PageEnvelope == PageEnvelope.Objects && body is JsonObject page && page.Remove("items", out var items))
        {
            page["objects"] = items;
        }

        return reply with { Body = body };
    }
}
