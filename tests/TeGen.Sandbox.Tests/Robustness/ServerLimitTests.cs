using System.Text;
using TeGen.Sandbox.Tests.Support;
using static TeGen.Sandbox.Tests.Robustness.RobustnessAsserts;

namespace TeGen.Sandbox.Tests.Robustness;

// Requests beyond Kestrel's own limits, and ids no record can have.
public sealed class ServerLimitTests
{
    [Theory]
    [InlineData("v1/contacts")]
    [InlineData("v1/token")]
    public async Task A_body_over_the_server_limit_gets_413_in_te_shape(string path)
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(new byte[31 * 1024 * 1024]) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Authorization = path == "v1/token" ? new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{api.Sandbox.ClientId}:{api.Sandbox.ClientSecret}"))) : new("Bearer", token);

        // The answer comes before the body is sent: without 100-continue the client would still be writing when the server closes.
        request.Headers.ExpectContinue = true;
        using var response = await api.Http.SendAsync(request);

        AssertTeError((await Reply.ReadAsync(response)).ExpectError(413, "Payload Too Large"));
        await ExpectStillServingAsync(api);
    }

    // Kestrel answers these itself, before any middleware runs: the only 4xx without TE's body.
    [Theory]
    [InlineData("v1/contacts", 64 * 1024, 431)]
    [InlineData("v1/contacts/%00", 1, 400)]
    public async Task Requests_the_server_refuses_itself_get_a_4xx_and_the_sandbox_keeps_serving(string path, int tokenLength, int status)
    {
        await using var api = await TestApi.StartAsync();

        var reply = await api.SendWithAuthorizationAsync(HttpMethod.Get, path, "Bearer " + new string('a', tokenLength));

        Assert.Equal(status, reply.Status);
        await ExpectStillServingAsync(api);
    }

    [Theory]
    [InlineData("v1/contacts/abc")]
    [InlineData("v1/contacts/-1")]
    [InlineData("v1/contacts/0")]
    [InlineData("v1/contacts/99999999999999999999")]
    [InlineData("v1/contacts/%FF")]
    [InlineData("v1/contacts/%ED%A0%80")]
    [InlineData("v1/contact-surveys/%01")]
    [InlineData("v1/contact-surveys/%ED%A0%80")]
    [InlineData("v1/contact-notes/..%2F..%2Fcontacts")]
    public async Task Odd_ids_in_paths_get_404(string path)
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();

        AssertTeError((await api.GetAsync(path, token)).Expect(404));
        AssertTeError((await api.PatchAsync(path, token, "{}")).Expect(404));
    }
}
