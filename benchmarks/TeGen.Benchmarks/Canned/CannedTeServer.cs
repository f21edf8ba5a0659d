using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace TeGen.Benchmarks.Canned;

/// <summary>
/// A Kestrel server on 127.0.0.1 answering every TE call the benchmarks make with a canned body. It does no work
/// per request beyond matching the path, so the time it takes is the same whichever client calls it, and
/// differences between clients are the clients' own.
/// </summary>
public sealed class CannedTeServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private CannedTeServer(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>Root of the server, e.g. <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>Starts a server on an ephemeral loopback port.</summary>
    public static async Task<CannedTeServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(AnswerAsync);
        await app.StartAsync().ConfigureAwait(false);
        return new CannedTeServer(app, new Uri(app.Urls.First().TrimEnd('/') + "/"));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static Task AnswerAsync(HttpContext context)
    {
        var (status, body) = CannedRoutes.Answer(context.Request.Method, context.Request.Path.Value ?? "");
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = "application/json";
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body, 0, body.Length);
    }
}
