using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using TeGen.Client.Auth;
using TeGen.Client.Http;

namespace TeGen.Client.Tests.Models;

/// <summary>
/// A TE stand-in on a loopback socket that issues a token and answers every other request with one canned answer,
/// for answers the sandbox never gives (an HTML page, a create without an id, an unknown enum value).
/// </summary>
internal sealed class CannedAnswerServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private CannedAnswerServer(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public static async Task<CannedAnswerServer> StartAsync(int status, string body, string contentType = "application/json")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Run(async context =>
        {
            var (answerStatus, answer, type) = context.Request.Path == "/v1/token"
                ? (200, """{"access_token": "canned-token", "token_type": "bearer", "expires_in": 3600}""", "application/json")
                : (status, body, contentType);
            var bytes = Encoding.UTF8.GetBytes(answer);
            context.Response.StatusCode = answerStatus;
            context.Response.ContentType = type;
            context.Response.ContentLength = bytes.Length;
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
        });
        await app.StartAsync();
        return new CannedAnswerServer(app, new Uri(app.Urls.Single() + "/"));
    }

    public TotalExpertConnection Connect() => new(
        new TotalExpertClientOptions { BaseUrl = BaseUrl, ClientId = "canned-client", ClientSecret = "canned-secret" },
        new InMemoryTokenStore(),
        rateLimiters: new TeRateLimiterRegistry());

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
