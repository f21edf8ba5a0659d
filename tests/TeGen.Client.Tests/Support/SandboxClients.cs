using Microsoft.Extensions.Logging;
using TeGen.Client.Auth;
using TeGen.Client.Http;
using TeGen.Sandbox;

namespace TeGen.Client.Tests.Support;

/// <summary>
/// Connections to a sandbox, isolated per test: their own token store and rate-limiter registry unless a test
/// shares them on purpose, and short retry delays so fault tests run in seconds.
/// </summary>
internal static class SandboxClients
{
    public static readonly string[] AllScopes = ["leadInteraction", "leadSurveyInteraction", "getUsers", "describeSchema"];

    public static TotalExpertClientOptions Options(TeSandbox sandbox, Action<TotalExpertClientOptions>? configure = null)
    {
        var options = new TotalExpertClientOptions
        {
            BaseUrl = sandbox.BaseUrl,
            ClientId = sandbox.ClientId,
            ClientSecret = sandbox.ClientSecret,
            Scopes = [.. AllScopes],
            Retry = new RetryHandlerOptions { BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(200) },
        };
        configure?.Invoke(options);
        return options;
    }

    public static TotalExpertConnection Connect(
        TeSandbox sandbox,
        Action<TotalExpertClientOptions>? configure = null,
        ITokenStore? store = null,
        TimeProvider? time = null,
        ILoggerFactory? loggers = null,
        TeRateLimiterRegistry? limiters = null) =>
        new(Options(sandbox, configure), store ?? new InMemoryTokenStore(), time, loggers, limiters ?? new TeRateLimiterRegistry());

    /// <summary>How many <paramref name="method"/> requests to <paramref name="path"/> the sandbox received.</summary>
    public static int Sent(TeSandbox sandbox, string method, string path) =>
        sandbox.Inspector.GetRequestStats().Recent.Count(r => r.Method == method && r.Path == path);

    /// <summary>A contact that satisfies TE's minimum fields, owned by the sandbox's first user.</summary>
    public static NewContact Contact(TeSandbox sandbox, int n) => new()
    {
        Source = "TeGen tests",
        FirstName = "Ann" + n,
        LastName = "Lee",
        Email = $"ann{n}@example.com",
        Owner = new OwnerRef { Id = sandbox.Users[0].Id },
    };
}
