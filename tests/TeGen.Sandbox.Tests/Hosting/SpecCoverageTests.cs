using System.Text.RegularExpressions;
using TeGen.Sandbox.Spec;
using TeGen.Sandbox.Tests.Robustness;
using TeGen.Sandbox.Tests.Support;
using TeGen.Tests;

namespace TeGen.Sandbox.Tests.Hosting;

public sealed partial class SpecCoverageTests
{
    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex PathParameter();

    [Fact]
    public void Every_filter_condition_the_spec_lists_is_one_the_sandbox_applies()
    {
        var spec = TeSpec.Embedded;
        var resources = new TeGen.Sandbox.Domain.Resources(spec);
        var lists = spec.Operations.Where(operation => operation.Filter is not null).ToList();

        Assert.NotEmpty(lists);
        foreach (var list in lists)
        {
            var filters = resources.For(list.Collection).Filters;
            Assert.All(list.Filter!.Properties.Keys, name => Assert.True(filters.TryGetFilter(name, out _), $"{list.OperationId}: filter '{name}' is not applied"));
        }
    }

    [Fact]
    public async Task Every_operation_of_the_spec_is_routed()
    {
        var operations = SpecOperations.All.ToList();
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        var unrouted = new List<string>();

        foreach (var (method, path, _) in operations)
        {
            var concrete = PathParameter().Replace(path, "1").TrimStart('/');
            var reply = method == "POST" && path == "/v1/token"
                ? await api.RequestTokenAsync("""{"grant_type":"client_credentials"}""")
                : await api.SendAsync(new HttpMethod(method), concrete, token, method is "GET" or "DELETE" ? null : "{}");

            // Routing answers a bare "Not Found" or "Method Not Allowed"; an operation at least recognises the request.
            if (reply.Status == 405 || reply.Error == "Not Found")
            {
                unrouted.Add($"{method} {path} -> {reply.Status}");
            }
        }

        Assert.True(operations.Count >= 20, $"only {operations.Count} operations read from {RepoPaths.Spec}");
        Assert.Empty(unrouted);
    }

    [Fact]
    public async Task The_sandbox_maps_exactly_the_spec_s_operations_and_its_own_endpoints()
    {
        await using var api = await TestApi.StartAsync();
        var spec = SpecOperations.All.Select(operation => $"{operation.Method} {operation.Path}").Order();

        var served = api.Sandbox.Routes
            .Where(route => !route.Pattern.StartsWith("/_sandbox", StringComparison.Ordinal) && route.Pattern != "/v1/authorize")
            .Select(route => $"{route.Method} {route.Pattern.Replace(":long", "", StringComparison.Ordinal)}")
            .Order();

        Assert.Equal(spec, served);
    }

    [Fact]
    public void The_embedded_spec_is_the_repository_s()
    {
        using var stream = typeof(TeSandbox).Assembly.GetManifestResourceStream(TeSpec.ResourceName)!;
        using var reader = new StreamReader(stream);

        Assert.Equal(File.ReadAllText(RepoPaths.Spec), reader.ReadToEnd());
        Assert.Equal(SpecOperations.All.Count(), TeSpec.Embedded.Operations.Count);
    }
}
