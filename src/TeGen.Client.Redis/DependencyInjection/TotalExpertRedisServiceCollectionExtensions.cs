using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using TeGen.Client.Auth;
using TeGen.Client.Redis;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Shares TeGen's limits and token cache on Redis in a service collection.</summary>
public static class TotalExpertRedisServiceCollectionExtensions
{
    /// <summary>
    /// Shares TE's per-egress limits and the token cache of every process on Redis:
    /// <c>services.AddTotalExpert(section).UseRedis("redis.internal:6379")</c>. Replaces the in-memory token store and the
    /// limiter registry that <c>AddTotalExpert</c> or <c>AddTotalExpertPartner</c> registers, before or after it.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="connectionString">The StackExchange.Redis configuration string.</param>
    /// <param name="configure">Other settings.</param>
    public static IServiceCollection UseRedis(this IServiceCollection services, string connectionString, Action<RedisCoordinationOptions>? configure = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return services.UseRedis(o =>
        {
            o.ConnectionString = connectionString;
            configure?.Invoke(o);
        });
    }

    /// <summary>
    /// Shares the limits and token cache on Redis with settings bound from <paramref name="coordination"/> (usually
    /// <c>TotalExpert:Coordination</c>: <c>ConnectionString</c>, <c>KeyPrefix</c>, <c>FallbackShare</c>, ...). Without a
    /// connection string, the <see cref="IConnectionMultiplexer"/> the application registered is used.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="coordination">The configuration section.</param>
    public static IServiceCollection UseRedis(this IServiceCollection services, IConfiguration coordination)
    {
        ArgumentNullException.ThrowIfNull(coordination);
        services.AddOptions<RedisCoordinationOptions>().Bind(coordination);
        return services.UseRedis(configure: null);
    }

    /// <summary>
    /// Shares the limits and token cache on Redis with settings set in code; without a connection string, the
    /// <see cref="IConnectionMultiplexer"/> the application registered is used (and stays the application's).
    /// Cached tokens are encrypted when an <see cref="IDataProtectionProvider"/> is registered.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    public static IServiceCollection UseRedis(this IServiceCollection services, Action<RedisCoordinationOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<RedisCoordinationOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp =>
        {
            var settings = sp.GetRequiredService<IOptions<RedisCoordinationOptions>>().Value;
            var protection = sp.GetService<IDataProtectionProvider>();
            var time = sp.GetRequiredService<TimeProvider>();
            return string.IsNullOrWhiteSpace(settings.ConnectionString)
                ? new RedisCoordination(
                    sp.GetService<IConnectionMultiplexer>() ?? throw new InvalidOperationException(
                        "TeGen's Redis coordination needs TotalExpert:Coordination:ConnectionString or an IConnectionMultiplexer registered in the container."),
                    settings, protection, time)
                : RedisCoordination.Connect(settings, protection, time);
        });
        services.Replace(ServiceDescriptor.Singleton<ITokenStore>(sp => sp.GetRequiredService<RedisCoordination>().TokenStore));
        services.Replace(ServiceDescriptor.Singleton(sp => sp.GetRequiredService<RedisCoordination>().CreateRateLimiters(sp.GetService<ILoggerFactory>())));
        return services;
    }
}
