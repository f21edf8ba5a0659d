using System.Web;
using TeGen.Sandbox.Tests.Support;

namespace TeGen.Sandbox.Tests.Robustness;

// What /v1/authorize copies into the Location header must be a clean absolute http(s) URI, escaped.
public sealed class RedirectUriTests
{
    [Theory]
    [InlineData("https://app.example/callback\r\nSet-Cookie: a=b")]
    [InlineData("https://app.example/call\nback")]
    [InlineData("https://app.example/call\u0000back")]
    [InlineData("https://app.example/call\tback")]
    [InlineData("https://app.example/call\u0085back")]
    [InlineData("javascript:alert(1)")]
    [InlineData("file:///etc/passwd")]
    [InlineData("/callback")]
    [InlineData("//app.example/callback")]
    [InlineData("app.example/callback")]
    public async Task Authorize_refuses_a_redirect_uri_that_is_not_a_clean_absolute_http_uri(string redirectUri)
    {
        await using var api = await TestApi.StartAsync();

        using var response = await api.Http.GetAsync($"v1/authorize?{api.AuthorizeQuery(redirectUri: redirectUri)}");
        var reply = (await Reply.ReadAsync(response)).ExpectError(400, "invalid_uri");

        Assert.Null(response.Headers.Location);
        Assert.NotNull(reply.Text("error_description"));
    }

    [Theory]
    [InlineData("https://app.example/cällback?q=ü", "https://app.example/c%C3%A4llback?q=%C3%BC&")]
    [InlineData("https://bücher.example/callback", "https://xn--bcher-kva.example/callback?")]
    [InlineData("https://app.example/call back", "https://app.example/call%20back?")]
    [InlineData("https://app.example/callback?x=\"<>\"", "https://app.example/callback?x=%22%3C%3E%22&")]
    public async Task Authorize_redirects_to_a_non_ascii_redirect_uri_escaped_and_the_code_exchange_takes_the_uri_as_given(string redirectUri, string escaped)
    {
        await using var api = await TestApi.StartAsync();

        using var response = await api.Http.GetAsync($"v1/authorize?{api.AuthorizeQuery(redirectUri: redirectUri)}");
        var location = (await Reply.ReadAsync(response)).Expect(302).Headers.Location!.OriginalString;

        Assert.StartsWith(escaped, location, StringComparison.Ordinal);
        Assert.All(location, c => Assert.InRange(c, '!', '~'));
        var code = HttpUtility.ParseQueryString(new Uri(location).Query)["code"]!;
        (await api.ExchangeCodeAsync(code, redirectUri)).Expect(200);
    }

    [Theory]
    [InlineData("state\r\nSet-Cookie: a=b")]
    [InlineData("état ü \u0001")]
    public async Task Authorize_escapes_an_odd_state_on_the_redirect(string state)
    {
        await using var api = await TestApi.StartAsync();
        var query = api.AuthorizeQuery();
        query["state"] = state;

        using var response = await api.Http.GetAsync($"v1/authorize?{query}");
        var location = (await Reply.ReadAsync(response)).Expect(302).Headers.Location!;

        Assert.Equal(state, HttpUtility.ParseQueryString(location.Query)["state"]);
    }
}
