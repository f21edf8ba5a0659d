using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using TeGen.Sandbox.Faults;
using TeGen.Sandbox.Http;
using TeGen.Sandbox.Inspection;
using TeGen.Sandbox.Replies;

namespace TeGen.Sandbox.Endpoints;

// /_sandbox/*: inspection, reset and fault control. Not part of TE: never rate-limited, faulted or logged.
internal static class SandboxEndpoints
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,

        // A mistyped member in a PUT of fault settings must not be silently ignored.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static void Map(IEndpointRouteBuilder app, SandboxInspector inspector, FaultInjector faults)
    {
        app.MapGet("/_sandbox/state", (RequestDelegate)(context => Write(context, inspector.GetState().ToJson())));
        app.MapGet("/_sandbox/requests", (RequestDelegate)(context =>
        {
            var recent = int.TryParse(context.Request.Query["last"], out var last) && last >= 0 ? last : int.MaxValue;
            return Write(context, JsonSerializer.SerializeToNode(inspector.GetRequestStats(recent), Json)!);
        }));
        app.MapGet("/_sandbox/webhooks", (RequestDelegate)(context => Write(context, new JsonObject { ["webhooks"] = JsonSerializer.SerializeToNode(inspector.GetWebhooks(), Json) })));
        app.MapPost("/_sandbox/reset", (RequestDelegate)(context =>
        {
            inspector.Reset();
            return Write(context, new JsonObject { ["reset"] = true });
        }));
        app.MapGet("/_sandbox/faults", (RequestDelegate)(context => WriteFaults(context, faults)));
        app.MapPut("/_sandbox/faults", (RequestDelegate)(async context =>
        {
            TeReply? refusal = null;
            try
            {
                var settings = JsonSerializer.Deserialize<FaultSettings>(await JsonBody.ReadAsync(context.Request), Json) ?? throw new JsonException("The body must be a JSON object.");
                faults.Set(settings);
            }
            catch (TeException e)
            {
                refusal = e.Reply;
            }
            catch (Exception e) when (e is JsonException or ArgumentException or NotSupportedException)
            {
                refusal = TeErrors.BadRequest($"Invalid fault settings: {e.Message}").Reply;
            }

            await (refusal is null ? WriteFaults(context, faults) : TeHttp.WriteAsync(context, refusal));
        }));
        app.MapDelete("/_sandbox/faults", (RequestDelegate)(context =>
        {
            faults.Clear();
            return WriteFaults(context, faults);
        }));
    }

    private static Task WriteFaults(HttpContext context, FaultInjector faults) =>
        Write(context, JsonSerializer.SerializeToNode(faults.Current, Json)!);

    private static Task Write(HttpContext context, JsonNode body) => TeHttp.WriteAsync(context, TeReply.Ok(body));
}
