using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TeGen.Client.Auth;
using TeGen.Client.Http;
using TeGen.Client.Tests.Support;
using TeGen.Sandbox;

namespace TeGen.Client.Tests;

public class DependencyInjectionTests
{
    [Fact]
    public async Task AddTotalExpert_binds_the_TotalExpert_section_and_serves_typed_clients()
    {
        await using var sandbox = await TeSandbox.StartAsync(new TeSandboxOptions { CreateMissingContactGroups = true });
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["TotalExpert:BaseUrl"] = sandbox.BaseUrl.AbsoluteUri,
            ["TotalExpert:ClientId"] = sandbox.ClientId,
            ["TotalExpert:ClientSecret"] = sandbox.ClientSecret,
            ["TotalExpert:Scopes:0"] = "leadInteraction",
            ["TotalExpert:Scopes:1"] = "getUsers",
            ["TotalExpert:RateLimit:RequestsPerWindow"] = "500",
            ["TotalExpert:Retry:MaxRetries"] = "2",
            ["TotalExpert:DefaultOwner:Username"] = sandbox.Users[1].Username,
            ["TotalExpert:RequiredContactGroups:0"] = "Prospects",
            ["TotalExpert:PartnerPrefix"] = "Acme Lending",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<ITokenStore>(new InMemoryTokenStore());
        services.AddSingleton(new TeRateLimiterRegistry());
        services.AddTotalExpert(configuration.GetSection(TotalExpertClientOptions.SectionName));
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });

        var contacts = provider.GetRequiredService<IContactsClient>();
        var users = provider.GetRequiredService<IUsersClient>();
        var contact = SandboxClients.Contact(sandbox, 1);
        contact.Owner = null;
        var created = await contacts.CreateContactAsync(contact);
        var page = await users.ListUsersAsync(1, 10, null, null);

        Assert.True(created.Id > 0);
        Assert.Equal(sandbox.Users.Count, page.Items.Count);
        var options = provider.GetRequiredService<TotalExpertConnection>().Options;
        Assert.Equal(500, options.RateLimit.RequestsPerWindow);
        Assert.Equal(2, options.Retry.MaxRetries);
        Assert.Equal(1, sandbox.Inspector.GetRequestStats().TokenRequests);
        Assert.Equal("Acme Lending", options.PartnerPrefix);
        Assert.Equal(sandbox.Users[1].Id, sandbox.Inspector.GetState().Contacts.Single().OwnerId);
        Assert.Equal(["Prospects"], contact.ContactGroups!.Select(g => g.GroupName));
        Assert.Same(provider.GetRequiredService<TeGen.Client.Surveys.SurveyWorkflow>(), provider.GetRequiredService<TeGen.Client.Surveys.SurveyWorkflow>());
        Assert.Same(provider.GetRequiredService<TeGen.Client.Lending.LoanSync>(), provider.GetRequiredService<TeGen.Client.Lending.LoanSync>());
    }

    [Fact]
    public void Every_generated_client_interface_is_injectable_and_on_the_facade()
    {
        var services = new ServiceCollection();
        services.AddTotalExpert(o =>
        {
            o.BaseUrl = new Uri("https://public.totalexpert.net/");
            o.ClientId = "id";
            o.ClientSecret = "secret";
        });
        using var provider = services.BuildServiceProvider();
        var generated = typeof(TotalExpertClientBase).Assembly.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false } && type.IsSubclassOf(typeof(TotalExpertClientBase)))
            .Select(type => type.GetInterface("I" + type.Name)!)
            .ToList();

        Assert.Contains(typeof(ILoansClient), generated);
        Assert.All(generated, contract => Assert.IsAssignableFrom(contract, provider.GetService(contract)));
        var admin = provider.GetRequiredService<TotalExpertAdminClient>();
        Assert.Same(admin.Loans, admin.Loans);
        Assert.Null(typeof(TotalExpertUserClient).GetProperty(nameof(TotalExpertAdminClient.Users)));
    }

    [Fact]
    public void Invalid_configuration_fails_on_first_use_naming_the_setting()
    {
        var services = new ServiceCollection();
        services.AddTotalExpert(o => o.BaseUrl = new Uri("http://public.totalexpert.net/"));
        using var provider = services.BuildServiceProvider();

        var e = Assert.ThrowsAny<Exception>(() => provider.GetRequiredService<IContactsClient>());

        Assert.Contains("TotalExpert:BaseUrl must use HTTPS", e.ToString());
    }
}
