using Microsoft.Extensions.Time.Testing;
using TeGen.Client.Http;

namespace TeGen.Client.Tests.Http;

/// <summary>One egress, one limit: a second connection on a scope shares its limiter, or is refused when it asks for another.</summary>
public class RateLimiterRegistryTests
{
    private static TotalExpertClientOptions Options(Action<TotalExpertClientOptions>? configure = null)
    {
        var options = new TotalExpertClientOptions { ClientId = "a", ClientSecret = "s" };
        configure?.Invoke(options);
        return options;
    }

    [Fact]
    public void Connections_of_one_scope_share_one_limiter()
    {
        var registry = new TeRateLimiterRegistry();
        var time = TimeProvider.System;

        Assert.Same(registry.For(Options(), time), registry.For(Options(o => o.ClientId = "another-customer"), time));
    }

    [Theory]
    [InlineData("RequestsPerWindow")]
    [InlineData("RateLimitWindow")]
    [InlineData("RateLimitSafetyMargin")]
    [InlineData("clock")]
    public void A_second_connection_asking_another_limit_for_the_scope_is_refused(string difference)
    {
        var registry = new TeRateLimiterRegistry();
        registry.For(Options(), TimeProvider.System);

        var e = Assert.Throws<InvalidOperationException>(() => difference switch
        {
            "RequestsPerWindow" => registry.For(Options(o => o.RateLimit.RequestsPerWindow = 500), TimeProvider.System),
            "RateLimitWindow" => registry.For(Options(o => o.RateLimit.Window = TimeSpan.FromMinutes(2)), TimeProvider.System),
            "RateLimitSafetyMargin" => registry.For(Options(o => o.RateLimit.SafetyMargin = TimeSpan.Zero), TimeProvider.System),
            _ => registry.For(Options(), new FakeTimeProvider()),
        });

        Assert.Contains("TotalExpert:Egress", e.Message);
    }

    [Fact]
    public void Another_scope_or_another_host_gets_its_own_limiter()
    {
        var registry = new TeRateLimiterRegistry();
        var first = registry.For(Options(), TimeProvider.System);

        Assert.NotSame(first, registry.For(Options(o => { o.Egress = "egress-2"; o.RateLimit.RequestsPerWindow = 10; }), TimeProvider.System));
        Assert.NotSame(first, registry.For(Options(o => o.BaseUrl = TotalExpertEnvironments.Sandbox), TimeProvider.System));
        Assert.Equal(TimeSpan.FromSeconds(61), first.Window); // TE's minute and the safety margin
    }
}
