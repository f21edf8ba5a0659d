using System.Text.Json.Nodes;
using TeGen.Sandbox.Hosting;

namespace TeGen.Sandbox.Endpoints;

// /v1/heartbeat (public) and /v1/teapot (TE's "is my token good?" check, 418 when it is).
internal static class HealthEndpoints
{
    public static void Map(IEndpointRouteBuilder app, SandboxRuntime runtime)
    {
        app.MapGet("/v1/heartbeat", (RequestDelegate)(context =>
            TeHttp.WriteAsync(context, TeReply.Ok(new JsonObject { ["running_item"] = "Total Expert External API" }))));
        app.MapTe(runtime, "GET", "/v1/teapot", _ =>
            new TeReply(StatusCodes.Status418ImATeapot, new JsonObject { ["code"] = "418 I'm a teapot", ["status"] = "short and stout" }));
    }
}
