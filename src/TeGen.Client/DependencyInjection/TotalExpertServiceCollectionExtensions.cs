using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TeGen.Client;
using TeGen.Client.Auth;
using TeGen.Client.Http;
using TeGen.Client.Lending;
using TeGen.Client.Surveys;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers TeGen in a service collection.</summary>
public static class TotalExpertServiceCollectionExtensions
{
    /// <summary>
    /// Registers TeGen with options bound from <paramref name="configuration"/> (usually the <c>TotalExpert</c>
    /// section): a singleton <see cref="TotalExpertConnection"/>, <see cref="TotalExpertAdminClient"/>, and each
    /// generated client interface (<see cref="IContactsClient"/>, ...) acting As Admin, over an
    /// IHttpClientFactory-managed connection pool.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration section holding <see cref="TotalExpertClientOptions"/>.</param>
    /// <param name="configure">Optional changes applied after binding.</param>
    public static IServiceCollection AddTotalExpert(this IServiceCollection services, IConfiguration configuration, Action<TotalExpertClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<TotalExpertClientOptions>().Bind(configuration);
        return services.AddTotalExpert(configure);
    }

    /// <summary>Registers TeGen with options set in code; see <see cref="AddTotalExpert(IServiceCollection, IConfiguration, Action{TotalExpertClientOptions})"/>.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    public static IServiceCollection AddTotalExpert(this IServiceCollection services, Action<TotalExpertClientOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<TotalExpertClientOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        // Checked when the host starts, not at the first call, with the message naming the setting.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TotalExpertClientOptions>, TotalExpertOptionsValidator>());
        options.ValidateOnStart();

        AddShared(services);
        services.TryAddSingleton(sp => new TotalExpertConnection(
            sp.GetRequiredService<IOptions<TotalExpertClientOptions>>().Value,
            sp.GetRequiredService<ITokenStore>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILoggerFactory>(),
            sp.GetRequiredService<TeRateLimiterRegistry>(),
            sp.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(HttpClientName)));
        services.TryAddSingleton(sp => sp.GetRequiredService<TotalExpertConnection>().CreateAdminClient());
        services.TryAddSingleton(sp => sp.GetRequiredService<TotalExpertConnection>().AdminTokens);

        AddGeneratedClients(services);
        services.TryAddSingleton(sp => new SurveyWorkflow(sp.GetRequiredService<TotalExpertAdminClient>()));
        services.TryAddSingleton(sp => new LoanSync(sp.GetRequiredService<TotalExpertAdminClient>()));
        return services;
    }

    /// <summary>
    /// Registers TeGen for an integration partner serving many TE organizations: a singleton
    /// <see cref="TotalExpertPartner"/> built from <paramref name="configuration"/> (usually the <c>TotalExpert</c>
    /// section, with one child of <c>Organizations</c> per organization), the admin client of each organization as a
    /// keyed service (<c>[FromKeyedServices("acme")] TotalExpertAdminClient</c>, organizations added at run time
    /// included), and — when the application registers an <see cref="ITotalExpertOrganizationResolver"/> — the admin
    /// client, the generated client interfaces and the survey workflow of the current request's organization, scoped.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The partner's configuration section.</param>
    /// <param name="egressHandler">
    /// Creates the innermost HTTP handler of an egress (see <see cref="TotalExpertPartner"/>); default the "TeGen"
    /// IHttpClientFactory client's, one connection pool for every egress.
    /// </param>
    public static IServiceCollection AddTotalExpertPartner(this IServiceCollection services, IConfiguration configuration, Func<IServiceProvider, string, HttpMessageHandler>? egressHandler = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        AddShared(services);
        services.TryAddSingleton(sp => TotalExpertPartner.FromConfiguration(
            configuration,
            sp.GetRequiredService<ITokenStore>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILoggerFactory>(),
            sp.GetRequiredService<TeRateLimiterRegistry>(),
            egress => egressHandler?.Invoke(sp, egress) ?? sp.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(HttpClientName)));
        services.TryAddKeyedTransient<TotalExpertAdminClient>(KeyedService.AnyKey, (sp, key) =>
            sp.GetRequiredService<TotalExpertPartner>().ForOrganization(key as string ?? throw new InvalidOperationException("A TeGen organization is resolved by its name: use a string service key.")));
        services.TryAddScoped(sp => sp.GetRequiredService<TotalExpertPartner>().ForOrganization(CurrentOrganization(sp)));
        services.TryAddScoped(sp => sp.GetRequiredService<TotalExpertPartner>().Surveys(CurrentOrganization(sp)));
        services.TryAddScoped(sp => sp.GetRequiredService<TotalExpertPartner>().Loans(CurrentOrganization(sp)));
        AddGeneratedClients(services);
        return services;
    }

    // What every connection the container builds shares: the clock, the token store, the limiters, the connection pool.
    private static void AddShared(IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        // Owned by the container: one token store and one limiter registry for every connection it builds.
        services.TryAddSingleton<ITokenStore>(_ => new InMemoryTokenStore());
        services.TryAddSingleton(_ => new TeRateLimiterRegistry());
        // The connection pool comes from IHttpClientFactory (so callers can configure proxies or certificates on the
        // "TeGen" client); the connection keeps it for its lifetime and the pool recycles connections for DNS.
        services.AddHttpClient(HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(TePrimaryHandler.Create)
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        // Whatever primary handler the application configures for "TeGen" (before or after this call), it must not
        // follow redirects: a post-configuration runs after every configuration.
        services.PostConfigure<HttpClientFactoryOptions>(HttpClientName, o =>
            o.HttpMessageHandlerBuilderActions.Add(b => b.PrimaryHandler = TePrimaryHandler.WithoutRedirects(b.PrimaryHandler)));
    }

    private static string CurrentOrganization(IServiceProvider services) =>
        (services.GetService<ITotalExpertOrganizationResolver>()
            ?? throw new InvalidOperationException(
                "TeGen serves several organizations here: register an ITotalExpertOrganizationResolver that names the current request's organization, or ask for a keyed service ([FromKeyedServices(\"<organization>\")] TotalExpertAdminClient)."))
        .ResolveOrganization();

    // The generated client interfaces, from whichever admin client is registered (the one of AddTotalExpert, or the
    // current organization's of AddTotalExpertPartner): every client property of the admin facade, which TeGen.Build
    // generates for each resource of the spec, so a resource added to the spec is injectable with no change here.
    private static void AddGeneratedClients(IServiceCollection services)
    {
        foreach (var property in typeof(TotalExpertAdminClient).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.PropertyType.IsInterface && typeof(TotalExpertClientBase).Assembly == property.PropertyType.Assembly))
        {
            services.TryAdd(ServiceDescriptor.Transient(property.PropertyType, sp => property.GetValue(sp.GetRequiredService<TotalExpertAdminClient>())!));
        }
    }

    /// <summary>The IHttpClientFactory name of the client TeGen draws its connection pool from.</summary>
    public const string HttpClientName = "TeGen";
}
