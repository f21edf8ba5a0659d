using System.Security.Cryptography;
using System.Text;

namespace TeGen.Client.Auth;

/// <summary>
/// Store keys: one token per (host, client id, grant/user); one token-request budget per (host, egress scope) or, when
/// TE is configured to count per client, per (host, client id). Keys are hashes: they name no client and hold no secret.
/// </summary>
internal static class TokenStoreKeys
{
    public static string Token(Uri baseUrl, string clientId, string subject) =>
        "tegen:token:" + Hash(baseUrl.GetLeftPart(UriPartial.Authority), clientId, subject);

    public static string Budget(TotalExpertClientOptions options) =>
        "tegen:budget:" + (options.Tokens.CountedPer == TokenLimitScope.ClientId
            ? Hash(options.BaseUrl.GetLeftPart(UriPartial.Authority), options.ClientId!)
            : Hash(options.BaseUrl.GetLeftPart(UriPartial.Authority).ToLowerInvariant(), "egress", options.Egress));

    // Client ids and user keys are not secret, but a hash keeps keys short and free of separators.
    private static string Hash(params string[] parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts))))[..32];
}
