using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using TeGen.Sandbox.Domain;
using TeGen.Sandbox.Http;
using TeGen.Sandbox.Replies;
using TeGen.Sandbox.Store;

namespace TeGen.Sandbox.Auth;

// POST /v1/token for the client_credentials, authorization_code and refresh_token grants. Error codes
// and texts are those of the stock OAuth 2.0 server TE's messages match.
internal static class TokenEndpoint
{
    public static void Map(IEndpointRouteBuilder app, TeState runtime) =>
        app.MapPost(RequestPaths.Token, (RequestDelegate)(context => HandleAsync(context, runtime)));

    private static async Task HandleAsync(HttpContext context, TeState runtime)
    {
        TeReply reply;
        try
        {
            var request = await TokenRequest.ReadAsync(context.Request);
            if (request.ClientId is { } clientId)
            {
                context.Items[BearerAuthentication.ClientIdItem] = clientId;
            }

            lock (runtime.Store.Gate)
            {
                reply = Issue(request, runtime);
            }
        }
        catch (TeException e)
        {
            reply = e.Reply;
        }

        await TeHttp.WriteAsync(context, reply);
    }

    private static TeReply Issue(TokenRequest request, TeState runtime)
    {
        var grant = request["grant_type"] ?? throw Error("invalid_request", "The grant type was not specified in the request");
        if (grant is not ("client_credentials" or "authorization_code" or "refresh_token"))
        {
            throw Error("unsupported_grant_type", $"Grant type \"{grant}\" not supported");
        }

        if (request.ClientId is null)
        {
            throw Error("invalid_client", "Client credentials were not found in the headers or body");
        }

        var org = runtime.Tenants.ByClientId(request.ClientId);
        if (org is null || !SameSecret(org.ClientSecret, request.ClientSecret))
        {
            throw Error("invalid_client", "The client credentials are invalid");
        }

        return grant switch
        {
            // The client is its own resource owner here, which TE calls acting As Admin.
            "client_credentials" => Respond(runtime, org, null, Scopes(request["scope"], org.Scopes), runtime.Options.IssueRefreshTokenForClientCredentials),
            "authorization_code" => ExchangeCode(request, runtime, org),
            _ => Refresh(request, runtime, org),
        };
    }

    private static TeReply ExchangeCode(TokenRequest request, TeState runtime, SandboxOrganization org)
    {
        var code = request["code"] ?? throw Error("invalid_request", "Missing parameter: \"code\" is required");
        if (!runtime.Store.Codes.TryGetValue(code, out var issued) || issued.ClientId != org.ClientId)
        {
            throw Error("invalid_grant", "Authorization code doesn't exist or is invalid for the client");
        }

        if (issued.ExpiresAt <= runtime.Clock.GetUtcNow())
        {
            runtime.Store.Codes.Remove(code);
            throw Error("invalid_grant", "The authorization code has expired");
        }

        // A redirect_uri given on /v1/authorize must be repeated, identically, here.
        if (issued.RedirectUri is not null && issued.RedirectUri != request["redirect_uri"])
        {
            throw Error("redirect_uri_mismatch", "The redirect URI is missing or do not match");
        }

        runtime.Store.Codes.Remove(code);
        return Respond(runtime, org, issued.UserId, issued.Scopes, refresh: true);
    }

    private static TeReply Refresh(TokenRequest request, TeState runtime, SandboxOrganization org)
    {
        var token = request["refresh_token"] ?? throw Error("invalid_request", "Missing parameter: \"refresh_token\" is required");
        if (!runtime.Store.RefreshTokens.TryGetValue(token, out var issued) || issued.ClientId != org.ClientId)
        {
            throw Error("invalid_grant", "Invalid refresh token");
        }

        if (issued.ExpiresAt <= runtime.Clock.GetUtcNow())
        {
            throw Error("invalid_grant", "Refresh token has expired");
        }

        var scopes = request["scope"] is { } narrowed ? Scopes(narrowed, issued.Scopes) : issued.Scopes;
        var rotate = runtime.Options.RotateRefreshTokens;
        if (rotate)
        {
            runtime.Store.RefreshTokens.Remove(token);
        }

        return Respond(runtime, org, issued.UserId, scopes, refresh: rotate);
    }

    public static IReadOnlyList<string> Scopes(string? requested, IEnumerable<string> allowed)
    {
        var permitted = allowed.ToArray();
        if (requested is null)
        {
            return permitted;
        }

        var scopes = requested.Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().ToArray();
        return scopes.All(permitted.Contains) ? scopes : throw Error("invalid_scope", "An unsupported scope was requested");
    }

    private static TeReply Respond(TeState runtime, SandboxOrganization org, long? userId, IReadOnlyList<string> scopes, bool refresh)
    {
        var options = runtime.Options;
        var now = runtime.Clock.GetUtcNow();
        var access = SandboxStore.NewHexId(40);
        runtime.Store.AccessTokens[access] = new IssuedToken(org.ClientId, userId, scopes, now + options.AccessTokenLifetime);
        var json = new JsonObject
        {
            ["access_token"] = access,
            ["expires_in"] = (long)options.AccessTokenLifetime.TotalSeconds,
            ["token_type"] = "bearer",
            ["scope"] = string.Join(' ', scopes),
        };
        if (refresh)
        {
            var token = SandboxStore.NewHexId(40);
            runtime.Store.RefreshTokens[token] = new IssuedToken(org.ClientId, userId, scopes, now + options.RefreshTokenLifetime);
            json["refresh_token"] = token;
        }

        return TeReply.Ok(json);
    }

    private static bool SameSecret(string expected, string? given) =>
        given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(given));

    private static TeException Error(string code, string description) =>
        TeErrors.OAuth(StatusCodes.Status400BadRequest, code, description);
}
