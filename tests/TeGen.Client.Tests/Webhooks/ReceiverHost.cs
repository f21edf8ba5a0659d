using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TeGen.Client.AspNetCore;

namespace TeGen.Client.Tests.Webhooks;

/// <summary>An application receiving TE's webhooks: Kestrel on 127.0.0.1 and an ephemeral port, a recording handler.</summary>
internal sealed class ReceiverHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ReceiverHost(WebApplication app, Channel<TotalExpertWebhookEvent> events)
    {
        _app = app;
        Events = events;
    }

    public Channel<TotalExpertWebhookEvent> Events { get; }

    public string Url => _app.Urls.First() + "/te/webhooks";

    public TotalExpertWebhookSecrets Secrets => _app.Services.GetRequiredService<TotalExpertWebhookSecrets>();

    public static async Task<ReceiverHost> StartAsync(string secret, TimeProvider? time = null, Action<IServiceCollection>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var events = Channel.CreateUnbounded<TotalExpertWebhookEvent>();
        builder.Services.AddSingleton(events);
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        builder.Services.AddTotalExpertWebhooks<RecordingHandler>(options => options.Secret = secret);
        configure?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapTotalExpertWebhooks("/te/webhooks");
        await app.StartAsync();
        return new ReceiverHost(app, events);
    }

    /// <summary>The next <paramref name="count"/> events, waiting (bounded) for them.</summary>
    public async Task<List<TotalExpertWebhookEvent>> NextAsync(int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var events = new List<TotalExpertWebhookEvent>();
        while (events.Count < count)
        {
            events.Add(await Events.Reader.ReadAsync(timeout.Token));
        }

        return events;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed class RecordingHandler(Channel<TotalExpertWebhookEvent> events) : ITotalExpertWebhookHandler
    {
        public Task HandleAsync(TotalExpertWebhookEvent webhookEvent, CancellationToken cancellationToken) =>
            events.Writer.WriteAsync(webhookEvent, cancellationToken).AsTask();
    }
}
