using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TeGen.Client.Http;

namespace TeGen.Client.Tests.Options;

/// <summary>
/// Every setting's invalid values are refused by Validate() (and at host start in DI) with a message naming
/// <c>TotalExpert:&lt;Setting&gt;</c>, before any call could fail later in a less clear way.
/// </summary>
public class OptionValidationTests
{
    // Settings whose every value is valid (booleans).
    private static readonly string[] AlwaysValid = ["Tokens:CountFailedRequests", "CheckInsightTypes", "Retry:Enabled", "Diagnostics:KeepErrorBodies"];

    public static TheoryData<string, string> InvalidValues()
    {
        var data = new TheoryData<string, string>();
        foreach (var (setting, cases) in Cases)
        {
            foreach (var name in cases.Keys)
            {
                data.Add(setting, name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(InvalidValues))]
    public void An_invalid_value_is_refused_naming_the_setting(string setting, string value)
    {
        var options = Valid();
        Cases[setting][value](options);

        var e = Assert.Throws<InvalidOperationException>(() => options.Validate());

        Assert.StartsWith($"TotalExpert:{setting} ", e.Message);
    }

    [Theory]
    [MemberData(nameof(InvalidValues))]
    public void An_invalid_value_stops_a_DI_host_at_start_naming_the_setting(string setting, string value)
    {
        var services = new ServiceCollection();
        services.AddTotalExpert(o =>
        {
            var valid = Valid();
            o.ClientId = valid.ClientId;
            o.ClientSecret = valid.ClientSecret;
            Cases[setting][value](o);
        });
        using var provider = services.BuildServiceProvider();

        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains($"TotalExpert:{setting} ", e.Message);
    }

    [Fact]
    public void A_bound_configuration_with_an_invalid_value_names_it_at_start()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ClientId"] = "id",
            ["ClientSecret"] = "secret",
            ["Retry:BaseDelay"] = "2.00:00:00",
        }).Build();
        using var provider = new ServiceCollection().AddTotalExpert(configuration).BuildServiceProvider();

        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("TotalExpert:Retry:BaseDelay", e.Message);
    }

    [Fact]
    public void Every_setting_has_invalid_values_tested_or_is_declared_always_valid()
    {
        var settings = Settings(typeof(TotalExpertClientOptions), "").ToList();

        Assert.All(settings, s => Assert.True(Cases.ContainsKey(s) || AlwaysValid.Contains(s), $"TotalExpert:{s} has no invalid-value test"));
    }

    [Fact]
    public void The_defaults_are_valid() => Valid().Validate();

    private static TotalExpertClientOptions Valid() => new() { ClientId = "id", ClientSecret = "secret" };

    private static IEnumerable<string> Settings(Type type, string prefix) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod?.IsPublic == true)
            .SelectMany(p => Groups.Contains(p.PropertyType) ? [prefix + p.Name, .. Settings(p.PropertyType, prefix + p.Name + ":")] : new[] { prefix + p.Name });

    // The option types grouped under a section of their own (TotalExpert:Retry:..., TotalExpert:Tokens:..., ...).
    private static readonly Type[] Groups = [typeof(RetryHandlerOptions), typeof(TeGen.Client.Auth.TokenOptions), typeof(RateLimitHandlerOptions), typeof(TransportOptions), typeof(TeGen.Client.Diagnostics.DiagnosticsOptions)];

    private static readonly Dictionary<string, Dictionary<string, Action<TotalExpertClientOptions>>> Cases = new()
    {
        ["BaseUrl"] = new()
        {
            ["null"] = o => o.BaseUrl = null!,
            ["relative"] = o => o.BaseUrl = new Uri("/v1", UriKind.Relative),
            ["plain http"] = o => o.BaseUrl = new Uri("http://public.totalexpert.net/"),
            ["ftp"] = o => o.BaseUrl = new Uri("ftp://public.totalexpert.net/"),
            ["credentials"] = o => o.BaseUrl = new Uri("https://user:pass@public.totalexpert.net/"),
            ["query"] = o => o.BaseUrl = new Uri("https://public.totalexpert.net/?x=1"),
        },
        ["ClientId"] = new() { ["null"] = o => o.ClientId = null, ["blank"] = o => o.ClientId = " " },
        ["ClientSecret"] = new() { ["null"] = o => o.ClientSecret = null, ["blank"] = o => o.ClientSecret = "" },
        ["Scopes"] = new()
        {
            ["null"] = o => o.Scopes = null!,
            ["blank entry"] = o => o.Scopes = ["leadInteraction", " "],
            ["two in one"] = o => o.Scopes = ["leadInteraction getUsers"],
        },
        ["Tokens:RenewalMargin"] = new()
        {
            ["negative"] = o => o.Tokens.RenewalMargin = TimeSpan.FromSeconds(-1),
            ["2 hours"] = o => o.Tokens.RenewalMargin = TimeSpan.FromHours(2),
        },
        ["Tokens:CountedPer"] = new() { ["undefined"] = o => o.Tokens.CountedPer = (TeGen.Client.Auth.TokenLimitScope)7 },
        ["Tokens:MaxRequestsPerHour"] = new() { ["zero"] = o => o.Tokens.MaxRequestsPerHour = 0, ["negative"] = o => o.Tokens.MaxRequestsPerHour = -2 },
        ["RateLimit:RequestsPerWindow"] = new() { ["zero"] = o => o.RateLimit.RequestsPerWindow = 0, ["huge"] = o => o.RateLimit.RequestsPerWindow = int.MaxValue },
        ["RateLimit:Window"] = new() { ["zero"] = o => o.RateLimit.Window = TimeSpan.Zero, ["a year"] = o => o.RateLimit.Window = TimeSpan.FromDays(365) },
        ["RateLimit:SafetyMargin"] = new() { ["negative"] = o => o.RateLimit.SafetyMargin = TimeSpan.FromSeconds(-1), ["a day"] = o => o.RateLimit.SafetyMargin = TimeSpan.FromDays(1) },
        ["RateLimit:Weight"] = new() { ["zero"] = o => o.RateLimit.Weight = 0, ["NaN"] = o => o.RateLimit.Weight = double.NaN, ["huge"] = o => o.RateLimit.Weight = 1e9 },
        ["RateLimit:Priority"] = new() { ["undefined"] = o => o.RateLimit.Priority = (TeRequestPriority)9 },
        ["Egress"] = new() { ["null"] = o => o.Egress = null!, ["blank"] = o => o.Egress = " " },
        ["Retry"] = new() { ["null"] = o => o.Retry = null! },
        ["Tokens"] = new() { ["null"] = o => o.Tokens = null! },
        ["RateLimit"] = new() { ["null"] = o => o.RateLimit = null! },
        ["Transport"] = new() { ["null"] = o => o.Transport = null! },
        ["Diagnostics"] = new() { ["null"] = o => o.Diagnostics = null! },
        ["Retry:MaxRetries"] = new() { ["negative"] = o => o.Retry.MaxRetries = -1, ["huge"] = o => o.Retry.MaxRetries = 10_000 },
        ["Retry:BaseDelay"] = new() { ["negative"] = o => o.Retry.BaseDelay = TimeSpan.FromSeconds(-1), ["2 days"] = o => o.Retry.BaseDelay = TimeSpan.FromDays(2) },
        ["Retry:MaxDelay"] = new() { ["zero"] = o => o.Retry.MaxDelay = TimeSpan.Zero, ["2 days"] = o => o.Retry.MaxDelay = TimeSpan.FromDays(2) },
        ["Retry:MaxTotalTime"] = new() { ["zero"] = o => o.Retry.MaxTotalTime = TimeSpan.Zero, ["a year"] = o => o.Retry.MaxTotalTime = TimeSpan.FromDays(365) },
        ["Retry:DeduplicatedPostPaths"] = new()
        {
            ["null"] = o => o.Retry.DeduplicatedPostPaths = null!,
            ["relative"] = o => o.Retry.DeduplicatedPostPaths = ["v1/contacts"],
            ["null entry"] = o => o.Retry.DeduplicatedPostPaths = [null!],
            ["query"] = o => o.Retry.DeduplicatedPostPaths = ["/v1/contacts?x=1"],
        },
        ["Transport:AttemptTimeout"] = new()
        {
            ["zero"] = o => o.Transport.AttemptTimeout = TimeSpan.Zero,
            ["negative"] = o => o.Transport.AttemptTimeout = TimeSpan.FromSeconds(-3),
            ["60 days"] = o => o.Transport.AttemptTimeout = TimeSpan.FromDays(60),
        },
        ["Transport:MaxResponseBytes"] = new() { ["zero"] = o => o.Transport.MaxResponseBytes = 0, ["over 2 GB"] = o => o.Transport.MaxResponseBytes = 3L * 1024 * 1024 * 1024 },
        ["DefaultOwner"] = new() { ["empty"] = o => o.DefaultOwner = new OwnerRef(), ["blank email"] = o => o.DefaultOwner = new OwnerRef { Email = " " } },
        ["PartnerPrefix"] = new() { ["blank"] = o => o.PartnerPrefix = "  ", ["only a colon"] = o => o.PartnerPrefix = ":" },
        ["RequiredContactGroups"] = new() { ["null"] = o => o.RequiredContactGroups = null!, ["blank entry"] = o => o.RequiredContactGroups = ["Prospects", ""] },
        ["MissingRequiredGroups"] = new() { ["undefined"] = o => o.MissingRequiredGroups = (RequiredGroupsPolicy)42 },
        ["InsightTypeCacheRefresh"] = new() { ["negative"] = o => o.InsightTypeCacheRefresh = TimeSpan.FromSeconds(-1), ["a year"] = o => o.InsightTypeCacheRefresh = TimeSpan.FromDays(365) },
    };
}
