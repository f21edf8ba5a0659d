using System.Web;
using TeGen.Client.Auth;
using TeGen.Sandbox;

namespace TeGen.Client.Tests.Support;

/// <summary>Plays the browser in the authorization-code flow: follows TE's authorize URL and reads the code.</summary>
internal static class UserSessions
{
    public static readonly Uri RedirectUri = new("https://partner.example/te/callback");

    public static Task<string> AuthorizeAsync(TeSandbox sandbox, TotalExpertConnection connection) => AuthorizeAsync(connection.AuthorizationCode);

    public static async Task<string> AuthorizeAsync(AuthorizationCodeFlow flow, string? loginHint = null)
    {
        var state = AuthorizationCodeFlow.NewState();
        var url = flow.BuildAuthorizeUrl(RedirectUri, state);
        if (loginHint is not null)
        {
            url = new Uri(url.AbsoluteUri + "&login_hint=" + Uri.EscapeDataString(loginHint));
        }

        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var response = await browser.GetAsync(url);
        var location = response.Headers.Location ?? throw new InvalidOperationException($"No redirect from {url}: {(int)response.StatusCode}");
        var query = HttpUtility.ParseQueryString(location.Query);
        if (query["state"] != state)
        {
            throw new InvalidOperationException("TE did not echo the state.");
        }

        return query["code"] ?? throw new InvalidOperationException($"No code in {location}");
    }
}
