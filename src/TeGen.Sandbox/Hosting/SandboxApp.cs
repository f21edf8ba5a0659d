using System.Net;

namespace TeGen.Sandbox.Hosting;

internal static class SandboxApp
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    // The slim builder and plain RequestDelegate endpoints keep start-up well under a second.
    public static (WebApplication App, SandboxRuntime Runtime) Build(TeSandboxOptions options, string[] args, bool standalone)
    {
        var runtime = new SandboxRuntime(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(SandboxApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        if (standalone)
        {
            // Loopback only unless told otherwise: the sandbox has no real authentication on /_sandbox/*.
            if (string.IsNullOrWhiteSpace(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
            {
                builder.WebHost.UseUrls(DefaultUrl);
            }

            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        }
        else
        {
            builder.Logging.ClearProviders();

            // A real socket on an ephemeral port: per-source-IP limits and dropped connections behave as they would remotely.
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        }

        if (options.LoggerFactory is { } loggerFactory)
        {
            // Registered as an instance, so the host neither replaces nor disposes the caller's factory.
            builder.Services.AddSingleton(loggerFactory);
        }

        var app = builder.Build();
        SandboxPipeline.Configure(app, runtime);
        return (app, runtime);
    }
}
