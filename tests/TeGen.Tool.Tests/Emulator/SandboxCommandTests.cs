using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using TeGen.Tool.Tests.Support;

namespace TeGen.Tool.Tests.Emulator;

public sealed class SandboxCommandTests
{
    [Fact]
    public async Task Tegen_sandbox_serves_te_on_the_loopback_port_asked_for_and_prints_working_credentials()
    {
        var port = FreeLoopbackPort();
        using var child = new ChildTool(new Dictionary<string, string?>(), line => line.StartsWith("  export ", StringComparison.Ordinal), "sandbox", "--request-limit", "50", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var finished = await Task.WhenAny(child.Reached, child.ExitAsync());
        Assert.True(finished == child.Reached, child.Output);

        var export = child.Output.Split('\n').Single(l => l.StartsWith("  export ", StringComparison.Ordinal));
        var settings = export.Trim()["export ".Length..].Split(' ').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1].Trim());
        Assert.Equal($"http://127.0.0.1:{port}/", settings["TotalExpert__BaseUrl"]);
        using var http = new HttpClient { BaseAddress = new Uri(settings["TotalExpert__BaseUrl"]) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/token") { Content = JsonContent.Create(new { grant_type = "client_credentials" }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings["TotalExpert__ClientId"]}:{settings["TotalExpert__ClientSecret"]}")));
        using var token = await http.SendAsync(request);
        Assert.True(token.IsSuccessStatusCode, await token.Content.ReadAsStringAsync());
        Assert.Contains("access_token", await token.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task A_client_secret_flag_is_warned_about_and_never_echoed()
    {
        var run = await ToolRun.RunAsync(new Dictionary<string, string?> { ["Tegen:TokenCache"] = Path.GetTempPath() }, "export", "contacts", "--client-secret", "s3cret", "--filter", "nope=1");

        Assert.Contains("--client-secret puts the secret in your shell history", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", run.Output + run.Error, StringComparison.Ordinal);
    }
}
