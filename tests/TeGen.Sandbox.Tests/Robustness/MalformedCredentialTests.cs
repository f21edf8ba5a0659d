using System.Text;
using TeGen.Sandbox.Tests.Support;
using static TeGen.Sandbox.Tests.Robustness.RobustnessAsserts;

namespace TeGen.Sandbox.Tests.Robustness;

// Authorization headers and token request bodies that are not what OAuth expects.
public sealed class MalformedCredentialTests
{
    [Theory]
    [InlineData("Bearer")]
    [InlineData("Bearer ")]
    [InlineData("Bearer \t ")]
    [InlineData("Basic !!!")]
    [InlineData("Basic")]
    [InlineData("Negotiate abc")]
    [InlineData("Bearer a b c")]
    [InlineData("Bearer %00")]
    public async Task Odd_authorization_headers_get_401(string header)
    {
        await using var api = await TestApi.StartAsync();

        AssertTeError((await api.SendWithAuthorizationAsync(HttpMethod.Get, "v1/contacts", header)).ExpectError(401, "invalid_token"));
    }

    [Theory]
    [InlineData("Basic")]
    [InlineData("Basic !!!")]
    [InlineData("Basic bm9jb2xvbg==")]
    [InlineData("Basic /w==")]
    [InlineData("Bearer x")]
    public async Task Odd_token_credentials_get_invalid_client(string header)
    {
        await using var api = await TestApi.StartAsync();
        using var body = new StringContent("""{"grant_type":"client_credentials"}""", Encoding.UTF8, "application/json");

        AssertTeError((await api.SendWithAuthorizationAsync(HttpMethod.Post, "v1/token", header, body)).ExpectError(400, "invalid_client"));
    }

    [Theory]
    [InlineData("too many fields")]
    [InlineData("a key too long")]
    [InlineData("a value too long")]
    public async Task A_token_form_beyond_the_form_limits_gets_invalid_request(string variant)
    {
        await using var api = await TestApi.StartAsync();
        var body = variant switch
        {
            "too many fields" => string.Join('&', Enumerable.Range(0, 1100).Select(i => $"f{i}=1")),
            "a key too long" => new string('k', 3000) + "=1&grant_type=client_credentials",
            _ => "grant_type=client_credentials&scope=" + new string('s', (4 * 1024 * 1024) + 1),
        };
        using var content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded");

        var reply = (await api.RequestTokenAsync(content)).ExpectError(400, "invalid_request");

        Assert.NotNull(reply.Text("error_description"));
        await ExpectStillServingAsync(api);
    }
}
