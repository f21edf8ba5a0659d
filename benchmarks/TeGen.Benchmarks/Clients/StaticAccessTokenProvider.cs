using Microsoft.Kiota.Abstractions.Authentication;

namespace TeGen.Benchmarks.Clients;

/// <summary>Hands Kiota the token fetched once at set-up, as the other clients get it.</summary>
internal sealed class StaticAccessTokenProvider(string token) : IAccessTokenProvider
{
    public AllowedHostsValidator AllowedHostsValidator { get; } = new();

    public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(token);
}
