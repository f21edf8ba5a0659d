using TeGen.Client.Auth;
using TeGen.Client.Http;

namespace TeGen.Client.Tests.Support;

/// <summary>Connections to a <see cref="FakeTe"/>: isolated store and limiters, short delays, a 2 s attempt timeout.</summary>
internal static class FakeTeClients
{
    public static TotalExpertClientOptions Options(FakeTe te, Action<TotalExpertClientOptions>? configure = null)
    {
        var options = new TotalExpertClientOptions
        {
            BaseUrl = te.BaseUrl,
            ClientId = "fake-client",
            ClientSecret = "fake-secret",
            Transport = { AttemptTimeout = TimeSpan.FromSeconds(2) },
            Retry = new RetryHandlerOptions { BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(100) },
            DefaultOwner = OwnerRef.ById(101),
        };
        configure?.Invoke(options);
        return options;
    }

    public static TotalExpertConnection Connect(FakeTe te, Action<TotalExpertClientOptions>? configure = null, TimeProvider? time = null, ITokenStore? store = null) =>
        new(Options(te, configure), store ?? new InMemoryTokenStore(), time, null, new TeRateLimiterRegistry());

    public static NewContactNote Note() => new() { Title = "Called", Note = "Left a message", TypeId = 1, Contact = new ContactRef { Id = 1 } };
}
