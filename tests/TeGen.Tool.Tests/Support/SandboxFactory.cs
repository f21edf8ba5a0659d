using TeGen.Sandbox;

namespace TeGen.Tool.Tests.Support;

/// <summary>Sandboxes at a scaled-down request limit, so thousands of rows import in seconds at the limit.</summary>
internal static class SandboxFactory
{
    public const int RequestLimit = 300;

    public static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    public static Task<TeSandbox> StartAsync() => TeSandbox.StartAsync(new TeSandboxOptions
    {
        RateLimits = { RequestLimit = RequestLimit, RequestWindow = Window },
        CreateMissingContactGroups = true,
        RequestLogCapacity = 10_000,
    });

    public static int ContactPosts(TeSandbox sandbox) =>
        sandbox.Inspector.GetRequestStats().Recent.Count(r => r.Method == "POST" && r.Path == "/v1/contacts");
}
