using System.Security.Cryptography;

namespace TeGen.Client;

/// <summary>Secrets for TE webhook subscriptions.</summary>
public static class TotalExpertWebhookSecret
{
    /// <summary>A new random secret of 64 lowercase hexadecimal characters (256 bits), the longest TE suggests.</summary>
    /// <returns>The secret; keep it where the receiver can read it, never in logs.</returns>
    public static string Generate() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
}
