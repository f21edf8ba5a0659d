using TeGen.Sandbox.Faults;
using TeGen.Sandbox.Tests.Support;

namespace TeGen.Sandbox.Tests.Hosting;

public sealed class HostingTests
{
    [Fact]
    public async Task StartAsync_listens_on_a_loopback_port_and_exposes_the_default_seed()
    {
        await using var sandbox = await TeSandbox.StartAsync();

        Assert.Equal(("http", "127.0.0.1", "/"), (sandbox.BaseUrl.Scheme, sandbox.BaseUrl.Host, sandbox.BaseUrl.AbsolutePath));
        Assert.True(sandbox.BaseUrl.Port > 0);
        Assert.Equal(new Uri(sandbox.BaseUrl, "v1/token"), sandbox.TokenUrl);
        Assert.Equal(new Uri(sandbox.BaseUrl, "v1/authorize"), sandbox.AuthorizeUrl);
        Assert.Equal(("Acme Lending", "tegen-sandbox-client", "tegen-sandbox-secret"), (sandbox.Organization.Name, sandbox.ClientId, sandbox.ClientSecret));
        Assert.Equal(TestApi.AllScopes, string.Join(' ', sandbox.Organization.Scopes));
        Assert.Equal(["jane-doe-acme", "john-smith-acme", "maria-garcia-acme"], sandbox.Users.Select(user => user.Username));
        Assert.All(sandbox.Users, user => Assert.False(string.IsNullOrEmpty(user.ExternalId)));
        Assert.All(sandbox.Organization.InsightTypes, type => Assert.StartsWith("Acme Lending: ", type.Type, StringComparison.Ordinal));
        Assert.NotEmpty(sandbox.Organization.CustomFields);
        Assert.Empty(sandbox.Organization.RequiredContactGroups);

        using var http = sandbox.CreateHttpClient();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync("v1/heartbeat")).StatusCode);
    }

    [Fact]
    public async Task Sandboxes_run_side_by_side_and_a_disposed_one_stops_listening()
    {
        var first = await TeSandbox.StartAsync();
        await using var second = await TeSandbox.StartAsync();
        using var http = new HttpClient();
        var firstHeartbeat = new Uri(first.BaseUrl, "v1/heartbeat");

        Assert.NotEqual(first.BaseUrl, second.BaseUrl);
        (await http.GetAsync(firstHeartbeat)).EnsureSuccessStatusCode();

        await first.DisposeAsync();

        using var afterwards = new HttpClient();
        await Assert.ThrowsAsync<HttpRequestException>(() => afterwards.GetAsync(firstHeartbeat));
        (await http.GetAsync(new Uri(second.BaseUrl, "v1/heartbeat"))).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task An_inconsistent_seed_or_fault_is_refused_at_start()
    {
        var twice = new TeSandboxOptions();
        twice.Organizations[0].Users.Add(new SandboxUser { Id = 101, Email = "x@acme.example", Username = "x-acme" });
        var clientTwice = new TeSandboxOptions();
        clientTwice.Organizations.Add(SandboxOrganization.AcmeLending());
        var badFault = new TeSandboxOptions { Faults = new FaultSettings { Rules = [FaultRule.ServerErrors(0.5, 404)] } };

        await Assert.ThrowsAsync<ArgumentException>(() => TeSandbox.StartAsync(twice));
        await Assert.ThrowsAsync<ArgumentException>(() => TeSandbox.StartAsync(clientTwice));
        await Assert.ThrowsAsync<ArgumentException>(() => TeSandbox.StartAsync(badFault));
    }
}
