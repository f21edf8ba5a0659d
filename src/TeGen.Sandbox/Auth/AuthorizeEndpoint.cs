using Microsoft.AspNetCore.WebUtilities;
using TeGen.Sandbox.Domain;
using TeGen.Sandbox.Http;
using TeGen.Sandbox.Replies;
using TeGen.Sandbox.Store;

namespace TeGen.Sandbox.Auth;

// GET /v1/authorize. There is no login page: the sandbox signs in a seeded user and approves at once.
// The user is the one named by `login_hint` (username, email, external id or TE id), else the organization's first
// user that does not deny. A user seeded with DeniesAuthorization, or a login_hint naming nobody, is redirected back
// with error=access_denied.
internal static class AuthorizeEndpoint
{
    public static void Map(IEndpointRouteBuilder app, TeState runtime) =>
        app.MapGet("/v1/authorize", (RequestDelegate)(context => HandleAsync(context, runtime)));

    private static Task HandleAsync(HttpContext context, TeState runtime)
    {
        var query = context.Request.Query;
        var org = runtime.Tenants.ByClientId(query["client_id"].ToString());
        if (org is null)
        {
            return Fail("invalid_client", "The client id supplied is invalid");
        }

        context.Items[BearerAuthentication.ClientIdItem] = org.ClientId;
        var given = query["redirect_uri"].ToString();
        if (given.Length == 0 && org.RedirectUris.Count != 1)
        {
            return Fail("invalid_uri", "No redirect URI was supplied or stored");
        }

        if (Target(given.Length > 0 ? given : org.RedirectUris[0]) is not { } redirect)
        {
            return Fail("invalid_uri", "The redirect URI must be an absolute http or https URI without control characters");
        }

        if (given.Length > 0 && org.RedirectUris.Count > 0 && !org.RedirectUris.Contains(given))
        {
            return Fail("redirect_uri_mismatch", "The redirect URI provided is missing or does not match");
        }

        // From here on errors travel back to the client on the redirect URI, with the state echoed.
        var parameters = new Dictionary<string, string?>();
        if (query.TryGetValue("state", out var state))
        {
            parameters["state"] = state.ToString();
        }

        lock (runtime.Store.Gate)
        {
            Decide(query, runtime, org, given.Length > 0 ? given : null, parameters);
        }

        context.Response.Redirect(QueryHelpers.AddQueryString(redirect, parameters));
        return Task.CompletedTask;

        Task Fail(string error, string description) =>
            TeHttp.WriteAsync(context, TeErrors.OAuth(StatusCodes.Status400BadRequest, error, description).Reply);
    }

    // The redirect URI goes into the Location header, which carries ASCII only (Kestrel throws on anything else, and a
    // CR/LF would split the header): control characters are refused, everything else is escaped, a non-ASCII host
    // is written in its IDN form. Only http(s) qualifies: on Unix "/path" parses as an absolute file: URI.
    private static string? Target(string uri)
    {
        if (uri.Any(char.IsControl) || !Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }

        var escaped = parsed.HostNameType == UriHostNameType.Dns && parsed.IdnHost != parsed.Host
            ? new UriBuilder(parsed) { Host = parsed.IdnHost }.Uri.AbsoluteUri
            : parsed.AbsoluteUri;
        return escaped.All(c => c is > ' ' and < '\u007F') ? escaped : null;
    }

    private static void Decide(IQueryCollection query, TeState runtime, SandboxOrganization org, string? givenRedirect, Dictionary<string, string?> parameters)
    {
        void Deny(string error, string description)
        {
            parameters["error"] = error;
            parameters["error_description"] = description;
        }

        if (query["response_type"].ToString() != "code")
        {
            Deny("unsupported_response_type", "Only response_type=code is supported");
            return;
        }

        var requested = query["scope"].ToString();
        if (requested.Length == 0)
        {
            Deny("invalid_request", "The scope parameter is required");
            return;
        }

        IReadOnlyList<string> scopes;
        try
        {
            scopes = TokenEndpoint.Scopes(requested, org.Scopes);
        }
        catch (TeException)
        {
            Deny("invalid_scope", "An unsupported scope was requested");
            return;
        }

        var hint = query["login_hint"].ToString();
        var user = hint.Length == 0
            ? org.Users.FirstOrDefault(candidate => !candidate.DeniesAuthorization)
            : org.Users.FirstOrDefault(candidate => Names(candidate).Contains(hint, StringComparer.OrdinalIgnoreCase));
        if (user is null || user.DeniesAuthorization)
        {
            Deny("access_denied", user is null ? "The user could not be signed in" : "The user denied access to your application");
            return;
        }

        var code = SandboxStore.NewHexId(40);
        runtime.Store.Codes[code] = new AuthorizationCode(org.ClientId, user.Id, scopes, givenRedirect, runtime.Clock.GetUtcNow() + runtime.Options.AuthorizationCodeLifetime);
        parameters["code"] = code;
    }

    private static IEnumerable<string?> Names(SandboxUser user) =>
        [user.Username, user.Email, user.ExternalId, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)];
}
