using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace TeGen.Sandbox.Tests.Support;

/// <summary>A bare HTTP endpoint on loopback that records every notification and answers with the statuses given, then 200.</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _answers;

    private WebhookReceiver(WebApplication app, IEnumerable<int> answers)
    {
        _app = app;
        _answers = new ConcurrentQueue<int>(answers);
    }

    public ConcurrentQueue<JsonObject> Received { get; } = new();

    public string Url => _app.Urls.First() + "/hooks";

    public static async Task<WebhookReceiver> StartAsync(params int[] answers)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, answers);
        app.MapPost("/hooks", async context =>
        {
            receiver.Received.Enqueue((JsonObject)(await JsonNode.ParseAsync(context.Request.Body))!);
            context.Response.StatusCode = receiver._answers.TryDequeue(out var status) ? status : 200;
        });
        await app.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
