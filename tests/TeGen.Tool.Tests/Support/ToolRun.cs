using Microsoft.Extensions.Configuration;
using TeGen.Sandbox;
using TeGen.Tool.Cli;

namespace TeGen.Tool.Tests.Support;

/// <summary>Runs <c>tegen</c> in-process against a sandbox, capturing its output.</summary>
internal static class ToolRun
{
    public sealed record Result(int ExitCode, string Output, string Error);

    /// <summary>The settings a test run reads, as environment variables would give them (the sandbox's limits scaled down).</summary>
    public static Dictionary<string, string?> Settings(TeSandbox sandbox, string tokenCache, int requestsPerWindow, TimeSpan window) => new()
    {
        ["TotalExpert:BaseUrl"] = sandbox.BaseUrl.ToString(),
        ["TotalExpert:ClientId"] = sandbox.ClientId,
        ["TotalExpert:ClientSecret"] = sandbox.ClientSecret,
        ["TotalExpert:RateLimit:RequestsPerWindow"] = requestsPerWindow.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["TotalExpert:RateLimit:Window"] = window.ToString("c"),
        ["TotalExpert:RateLimit:SafetyMargin"] = "00:00:00.100",
        ["Tegen:TokenCache"] = tokenCache,
    };

    public static async Task<Result> RunAsync(IDictionary<string, string?> settings, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var environment = new ToolEnvironment(TextWriter.Synchronized(output), TextWriter.Synchronized(error), Interactive: false, TimeProvider.System, configuration);
        var exit = await TegenCli.RunAsync(args, environment);
        return new Result(exit, output.ToString(), error.ToString());
    }
}
