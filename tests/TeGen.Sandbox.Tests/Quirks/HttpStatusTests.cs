using TeGen.Sandbox.Tests.Support;

namespace TeGen.Sandbox.Tests.Quirks;

public sealed class HttpStatusTests
{
    [Theory]
    [InlineData("v1/nothing")]
    [InlineData("v1/contacts/abc")]
    [InlineData("v2/contacts")]
    [InlineData("v1/insight-types/1")]
    public async Task An_unknown_path_gets_404_with_an_error_body(string path)
    {
        await using var api = await TestApi.StartAsync();

        Assert.Equal("Not Found", (await api.GetAsync(path, await api.AdminTokenAsync())).Expect(404).Error);
    }

    [Theory]
    [InlineData("POST", "v1/contacts/1")]
    [InlineData("PUT", "v1/contacts")]
    [InlineData("DELETE", "v1/contacts")]
    [InlineData("DELETE", "v1/users/101")]
    [InlineData("GET", "v1/token")]
    [InlineData("PATCH", "v1/insights/1")]
    public async Task A_wrong_method_on_a_known_path_gets_405(string method, string path)
    {
        await using var api = await TestApi.StartAsync();

        var reply = await api.SendAsync(new HttpMethod(method), path, await api.AdminTokenAsync(), method == "GET" ? null : "{}");

        Assert.Equal("Method Not Allowed", reply.Expect(405).Error);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task A_write_that_is_not_json_gets_415(string contentType)
    {
        await using var api = await TestApi.StartAsync();

        var reply = await api.SendAsync(HttpMethod.Post, "v1/contacts", await api.AdminTokenAsync(), Bodies.Contact().ToJsonString(), contentType);

        Assert.NotNull(reply.Expect(415).Error);
    }

    [Theory]
    [InlineData("{\"source\":")]
    [InlineData("[]")]
    [InlineData("")]
    public async Task Malformed_json_or_a_non_object_gets_400(string body)
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        var id = await api.CreateAsync("v1/contacts", token, Bodies.Contact());

        Assert.NotNull((await api.SendAsync(HttpMethod.Post, "v1/contacts", token, body)).Expect(400).Error);
        Assert.NotNull((await api.SendAsync(HttpMethod.Patch, $"v1/contacts/{id}", token, body)).Expect(400).Error);
    }

    [Fact]
    public async Task A_json_media_type_with_charset_or_suffix_is_accepted()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();

        (await api.SendAsync(HttpMethod.Post, "v1/contacts", token, Bodies.Contact().ToJsonString(), "application/json")).Expect(201);
        (await api.SendAsync(HttpMethod.Post, "v1/contacts", token, Bodies.Contact("Bo").ToJsonString(), "application/vnd.api+json")).Expect(201);
    }
}
