using TeGen.Sandbox.Domain;
using TeGen.Sandbox.Replies;

namespace TeGen.Sandbox.Auth;

// Resource requests: "Authorization: Bearer <token>". Called under the store lock.
internal static class BearerAuthentication
{
    public const string ClientIdItem = "TeGen.Sandbox.ClientId";

    public static Caller Authenticate(HttpContext context, TeState state, string? requiredScope)
    {
        var token = BearerToken(context);
        if (token is null)
        {
            throw Unauthorized("invalid_token", "No access token was provided");
        }

        if (!state.Store.AccessTokens.TryGetValue(token, out var issued))
        {
            throw Unauthorized("invalid_token", "The access token provided is invalid");
        }

        context.Items[ClientIdItem] = issued.ClientId;
        if (issued.ExpiresAt <= state.Clock.GetUtcNow())
        {
            throw Unauthorized("invalid_token", "The access token provided has expired");
        }

        if (requiredScope is not null && !issued.Scopes.Contains(requiredScope, StringComparer.Ordinal))
        {
            throw Unauthorized("insufficient_scope", "The request requires higher privileges than provided by the access token");
        }

        var org = state.Tenants.ByClientId(issued.ClientId)!;
        var user = issued.UserId is { } userId ? state.Tenants.User(userId) : null;
        return new Caller(org, user, issued.ClientId, issued.Scopes);
    }

    public static string? BearerToken(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header[7..].Trim() is { Length: > 0 } token ? token : null;
    }

    // The WWW-Authenticate header is what RFC 6750 servers (and the OAuth library TE's messages come from) send.
    private static TeException Unauthorized(string error, string description) =>
        TeErrors.OAuth(StatusCodes.Status401Unauthorized, error, description, new Dictionary<string, string>
        {
            ["WWW-Authenticate"] = $"Bearer realm=\"Service\", error=\"{error}\", error_description=\"{description}\"",
        });
}
