using System.Text.RegularExpressions;
using TeGen.Sandbox.Tests.Support;
using TeGen.Tests;

namespace TeGen.Sandbox.Tests.Hosting;

public sealed partial class SpecCoverageTests
{
    [GeneratedRegex(@"^  (/v1/[^:]*):\s*$")]
    private static partial Regex PathLine();

    [GeneratedRegex(@"^    (get|post|put|patch|delete):\s*$")]
    private static partial Regex MethodLine();

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex PathParameter();

    [Fact]
    public async Task Every_operation_of_the_openapi_description_is_routed()
    {
        var operations = Operations().ToList();
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        var unrouted = new List<string>();

        foreach (var (method, path) in operations.Where(operation => operation.Path != "/v1/token"))
        {
            var concrete = PathParameter().Replace(path, "1").TrimStart('/');
            var reply = await api.SendAsync(new HttpMethod(method), concrete, token, method is "GET" or "DELETE" ? null : "{}");

            // Routing answers a bare "Not Found" or "Method Not Allowed"; an operation at least recognises the request.
            if (reply.Status == 405 || reply.Error == "Not Found")
            {
                unrouted.Add($"{method} {path} -> {reply.Status}");
            }
        }

        Assert.True(operations.Count >= 20, $"only {operations.Count} operations read from {RepoPaths.Spec}");
        Assert.Empty(unrouted);
    }

    private static IEnumerable<(string Method, string Path)> Operations()
    {
        string? path = null;
        foreach (var line in File.ReadLines(RepoPaths.Spec))
        {
            if (PathLine().Match(line) is { Success: true } pathMatch)
            {
                path = pathMatch.Groups[1].Value;
            }
            else if (path is not null && MethodLine().Match(line) is { Success: true } methodMatch)
            {
                yield return (methodMatch.Groups[1].Value.ToUpperInvariant(), path);
            }
            else if (line.Length > 0 && !line.StartsWith("  ", StringComparison.Ordinal))
            {
                path = null;
            }
        }
    }
}
