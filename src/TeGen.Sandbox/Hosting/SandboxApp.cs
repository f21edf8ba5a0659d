using System.Globalization;
using System.Net;
using TeGen.Sandbox.Spec;

namespace TeGen.Sandbox.Hosting;

internal static class SandboxApp
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    // The slim builder and plain RequestDelegate endpoints keep start-up well under a second.
    public static (WebApplication App, SandboxRuntime Runtime) Build(TeSandboxOptions options, string[] args, bool standalone)
    {
        // Reading the spec costs as much as starting the host (mostly JIT): it starts first, runs meanwhile on the other
        // core, and only the first request waits for it.
        var embedded = options.SpecFile is null ? Task.Run(() => TeSpec.Embedded) : null;
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

            // --Sandbox:StrictRequestMembers=true, Sandbox__StrictRequestMembers=true, --Sandbox:SpecFile=path,
            // --Sandbox:OrganizationCount=5, --Sandbox:LeadFamilies=AlmLeads
            var settings = builder.Configuration.GetSection("Sandbox");
            options.StrictRequestMembers = bool.TryParse(settings["StrictRequestMembers"], out var strict) ? strict : options.StrictRequestMembers;
            options.SpecFile = settings["SpecFile"] ?? options.SpecFile;
            if (settings["LeadFamilies"] is { } families)
            {
                options.LeadFamilies = Enum.TryParse<SandboxLeadFamilies>(families, ignoreCase: true, out var family) && Enum.IsDefined(family)
                    ? family
                    : throw new ArgumentException($"Sandbox:LeadFamilies must be one of {string.Join(", ", Enum.GetNames<SandboxLeadFamilies>())}, not '{families}'.", nameof(args));
            }

            if (settings["OrganizationCount"] is { } count)
            {
                options.Organizations = int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var organizations) && organizations > 0
                    ? SandboxOrganization.Many(organizations)
                    : throw new ArgumentException($"Sandbox:OrganizationCount must be a whole number of at least 1, not '{count}'.", nameof(args));
            }

            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        }
        else
        {
            builder.Logging.ClearProviders();

            // A real socket (on an ephemeral port unless one is asked for): per-source-IP limits and dropped connections
            // behave as they would remotely.
            if (options.Port is < 0 or > IPEndPoint.MaxPort)
            {
                throw new ArgumentOutOfRangeException(nameof(options), options.Port, "TeSandboxOptions.Port must be 0 (any free port) or a port number up to 65535.");
            }

            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));
        }

        // A spec file (from the options or the command line) is read at once, so a bad one fails here.
        var spec = options.SpecFile is { } file ? Task.FromResult(TeSpec.FromFile(file)) : embedded ?? Task.Run(() => TeSpec.Embedded);
        if (options.LoggerFactory is { } loggerFactory)
        {
            // Registered as an instance, so the host neither replaces nor disposes the caller's factory.
            builder.Services.AddSingleton(loggerFactory);
        }

        var app = builder.Build();
        var runtime = new SandboxRuntime(options, spec);
        SandboxPipeline.Configure(app, runtime);
        return (app, runtime);
    }
}
