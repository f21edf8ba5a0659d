using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace TeGen.Client.AspNetCore;

/// <summary>Registers the TE webhook receiver.</summary>
public static class TotalExpertWebhookServiceCollectionExtensions
{
    /// <summary>
    /// Registers the receiver with <typeparamref name="THandler"/> (scoped) as the application's handler, the options
    /// (validated at start-up), the background dispatcher and, unless one is registered, the in-memory duplicate store.
    /// Then map the endpoint with <see cref="TotalExpertWebhookEndpointRouteBuilderExtensions.MapTotalExpertWebhooks"/>.
    /// </summary>
    /// <typeparam name="THandler">The application's handler.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options (at least <see cref="TotalExpertWebhookOptions.Secret"/>).</param>
    /// <returns>The options builder, e.g. to bind configuration.</returns>
    public static OptionsBuilder<TotalExpertWebhookOptions> AddTotalExpertWebhooks<THandler>(this IServiceCollection services, Action<TotalExpertWebhookOptions>? configure = null)
        where THandler : class, ITotalExpertWebhookHandler
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddScoped<ITotalExpertWebhookHandler, THandler>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ITotalExpertWebhookDeduplicationStore, InMemoryWebhookDeduplicationStore>();
        services.TryAddSingleton<TotalExpertWebhookSecrets>();
        services.TryAddSingleton<WebhookQueue>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TotalExpertWebhookOptions>, TotalExpertWebhookOptionsValidator>());
        services.AddHostedService<WebhookDispatcher>();
        var builder = services.AddOptions<TotalExpertWebhookOptions>().ValidateOnStart();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        return builder;
    }

    /// <summary>
    /// Keeps the latest hash value per record in the registered <see cref="Microsoft.Extensions.Caching.Distributed.IDistributedCache"/>,
    /// so several instances of the receiver suppress each other's duplicates (<see cref="DistributedCacheWebhookDeduplicationStore"/>).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddTotalExpertWebhookDistributedDeduplication(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.Replace(ServiceDescriptor.Singleton<ITotalExpertWebhookDeduplicationStore, DistributedCacheWebhookDeduplicationStore>());
        return services;
    }
}
