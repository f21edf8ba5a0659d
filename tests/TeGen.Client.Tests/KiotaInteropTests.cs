using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using TeGen.Client.Auth;
using TeGen.Client.Tests.Support;
using TeGen.Sandbox;

namespace TeGen.Client.Tests;

public class KiotaInteropTests
{
    [Fact]
    public async Task A_Kiota_bearer_provider_gets_TeGen_tokens_for_TE_hosts_only()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var kiota = new BaseBearerTokenAuthenticationProvider(new TotalExpertAccessTokenProvider(connection.AdminTokens, connection.Options));

        var toSandbox = new RequestInformation { HttpMethod = Method.GET, URI = new Uri(sandbox.BaseUrl, "v1/contacts") };
        await kiota.AuthenticateRequestAsync(toSandbox);
        var toElsewhere = new RequestInformation { HttpMethod = Method.GET, URI = new Uri("https://attacker.example/v1/contacts") };
        await kiota.AuthenticateRequestAsync(toElsewhere);
        var insecureTeHost = new RequestInformation { HttpMethod = Method.GET, URI = new Uri("http://public.totalexpert.net/v1/contacts") };
        await kiota.AuthenticateRequestAsync(insecureTeHost);

        var header = Assert.Single(toSandbox.Headers["Authorization"]);
        Assert.Equal("Bearer " + (await connection.AdminTokens.GetTokenAsync()).Value, header);
        Assert.False(toElsewhere.Headers.ContainsKey("Authorization"));
        Assert.False(insecureTeHost.Headers.ContainsKey("Authorization"));
        Assert.Equal(1, sandbox.Inspector.GetRequestStats().TokenRequests);

        using var http = new HttpClient();
        using var call = new HttpRequestMessage(HttpMethod.Get, toSandbox.URI);
        call.Headers.TryAddWithoutValidation("Authorization", header);
        Assert.True((await http.SendAsync(call)).IsSuccessStatusCode);
    }
}
