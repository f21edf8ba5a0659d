using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using TeGen.Sandbox.Tests.Support;
using Xunit.Abstractions;

namespace TeGen.Sandbox.Tests.Robustness;

public sealed class MalformedRequestFuzzTests(ITestOutputHelper output)
{
    // Change it to explore other cases; a failure names its case number, which this seed regenerates.
    private const int Seed = 20260611;

    [Fact]
    public async Task Malformed_requests_on_every_route_get_a_te_shaped_4xx_and_the_sandbox_keeps_serving()
    {
        // Hundreds of requests, a few hundred of them token requests: TE's limits would refuse most of them unread.
        await using var api = await TestApi.StartAsync(options => options.RateLimits.Enabled = false);
        var targets = await FuzzTargets.SeedAsync(api);
        var routes = api.Sandbox.Routes;
        var cases = MalformedRequests.Generate(routes, targets, Seed);
        var failures = new List<string>();
        var clock = Stopwatch.StartNew();

        foreach (var @case in cases)
        {
            if (await ProblemAsync(api, @case) is { } problem)
            {
                failures.Add($"{@case}\n    -> {problem}");
            }

            // A fault-settings write that happened to be valid must not fault the cases after it.
            if (@case.Target.StartsWith("_sandbox/faults", StringComparison.Ordinal))
            {
                api.Sandbox.Faults.Clear();
            }
        }

        output.WriteLine($"{cases.Count} cases over {routes.Count} routes in {clock.Elapsed.TotalSeconds:0.0} s (seed {Seed})");
        failures.ForEach(output.WriteLine);
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases.Count} malformed requests (seed {Seed}) were answered wrongly:\n{string.Join("\n", failures.Take(25))}");
        Assert.True(cases.Count >= 300, $"only {cases.Count} cases");
        Assert.Contains(routes, route => route.Pattern.StartsWith("/_sandbox/", StringComparison.Ordinal));
        await RobustnessAsserts.ExpectStillServingAsync(api);
    }

    [Fact]
    public async Task The_generated_cases_cover_every_route_and_do_not_change_between_runs()
    {
        await using var api = await TestApi.StartAsync();
        var targets = await FuzzTargets.SeedAsync(api);

        var first = MalformedRequests.Generate(api.Sandbox.Routes, targets, Seed);
        var second = MalformedRequests.Generate(api.Sandbox.Routes, targets, Seed);

        Assert.Equal(first.Select(@case => @case.ToString()), second.Select(@case => @case.ToString()));
        Assert.All(api.Sandbox.Routes, route => Assert.Contains(first, @case => @case.Method == route.Method && Matches(route.Pattern, @case.Target)));
        Assert.Contains(first, @case => @case.What.StartsWith("questions[0].data_type", StringComparison.Ordinal));
        Assert.Contains(first, @case => @case.What.StartsWith("owner.username", StringComparison.Ordinal));
    }

    // Null when the answer is right: not a 5xx, and an error answer is JSON in TE's {"error": ...} shape (or, for a 404,
    // the {"message": ...} of TE's newer endpoints, such as lead opportunities).
    private static async Task<string?> ProblemAsync(TestApi api, FuzzCase @case)
    {
        Reply reply;
        try
        {
            using var request = @case.ToRequest();
            using var response = await api.Http.SendAsync(request);
            reply = await Reply.ReadAsync(response);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return $"no answer: {e.GetType().Name}: {e.Message}";
        }

        // 418 is the teapot's answer to a good token, not an error.
        if (reply.Status < 400 || reply.Status == 418)
        {
            return null;
        }

        var shown = $"{reply.Status} {reply.ContentType} {(reply.Body.Length > 300 ? reply.Body[..300] + "…" : reply.Body)}";
        if (reply.Status >= 500)
        {
            return shown;
        }

        try
        {
            return reply.ContentType == "application/json" && JsonNode.Parse(reply.Body) is JsonObject json
                && (json["error"] ?? (reply.Status == 404 ? json["message"] : null)) is JsonValue error
                && error.GetValueKind() == JsonValueKind.String
                ? null
                : $"not TE's error shape: {shown}";
        }
        catch (JsonException)
        {
            return $"not JSON: {shown}";
        }
    }

    private static bool Matches(string pattern, string target)
    {
        var path = target.Split('?')[0];
        var regex = "^" + System.Text.RegularExpressions.Regex.Replace(pattern.TrimStart('/'), @"\{[^}]+\}", "[^/]+") + "$";
        return System.Text.RegularExpressions.Regex.IsMatch(path, regex);
    }
}
