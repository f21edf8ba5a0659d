using System.Security.Cryptography;
using System.Text;

namespace TeGen.Client.Auth;

/// <summary>Store keys: one token per (host, client id, grant/user); one budget per (host, client id).</summary>
internal static class TokenStoreKeys
{
    public static string Token(Uri baseUrl, string clientId, string subject) =>
        "tegen:token:" + Hash(baseUrl.GetLeftPart(UriPartial.Authority), clientId, subject);

    public static string Budget(Uri baseUrl, string clientId) =>
        "tegen:budget:" + Hash(baseUrl.GetLeftPart(UriPartial.Authority), clientId);

    // Client ids and user keys are not secret, but a hash keeps keys short and free of separators.
    private static string Hash(params string[] parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts))))[..32];
}
