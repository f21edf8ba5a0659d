using System.Text.Json.Nodes;
using TeGen.Sandbox.Auth;
using TeGen.Sandbox.Hosting;

namespace TeGen.Sandbox;

internal static class TeRoutes
{
    // Maps an authenticated /v1 operation. Order of checks: token (401), scope (401), admin-only (403), then the body
    // (415 / 400), then the handler, which runs under the store lock.
    public static void MapTe(this IEndpointRouteBuilder app, SandboxRuntime runtime, string method, string pattern, Func<TeCall, TeReply> handler, bool adminOnly = false)
    {
        var scope = runtime.Options.RequiredScopes
            .Where(entry => Paths.IsUnder(pattern, entry.Key))
            .OrderByDescending(entry => entry.Key.Length)
            .Select(entry => entry.Value)
            .FirstOrDefault();
        var readsBody = !HttpMethods.IsGet(method) && !HttpMethods.IsDelete(method);
        app.MapMethods(pattern, [method], (RequestDelegate)(context => ExecuteAsync(context, runtime, scope, adminOnly, readsBody, handler)));
    }

    private static async Task ExecuteAsync(HttpContext context, SandboxRuntime runtime, string? scope, bool adminOnly, bool readsBody, Func<TeCall, TeReply> handler)
    {
        TeReply reply;
        try
        {
            var raw = readsBody ? await JsonBody.ReadAsync(context.Request) : null;
            reply = Handle(context, runtime, scope, adminOnly, raw, handler);
        }
        catch (TeException e)
        {
            reply = e.Reply;
        }

        await TeHttp.WriteAsync(context, reply);
    }

    private static TeReply Handle(HttpContext context, SandboxRuntime runtime, string? scope, bool adminOnly, byte[]? raw, Func<TeCall, TeReply> handler)
    {
        lock (runtime.Store.Gate)
        {
            var caller = BearerAuthentication.Authenticate(context, runtime, scope);
            if (adminOnly && !caller.IsAdmin)
            {
                throw new TeException(StatusCodes.Status403Forbidden, "Forbidden: this resource is available to organization administrators only");
            }

            var body = raw is null ? new JsonObject() : JsonBody.ParseObject(context.Request.ContentType, raw);
            return handler(new TeCall(context, runtime, caller, body));
        }
    }
}
