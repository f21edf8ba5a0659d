using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TeGen.Client.Surveys;
using TeGen.Sandbox;

namespace TeGen.Client.Tests.Partners;

/// <summary>
/// The partner hub in a container: organizations as keyed services, the current request's organization through a
/// resolver, and a clear error when the application has not said how to find it.
/// </summary>
public class PartnerDependencyInjectionTests
{
    private sealed class RouteOrganization : ITotalExpertOrganizationResolver
    {
        public string Name { get; set; } = "org-2";

        public string ResolveOrganization() => Name;
    }

    [Fact]
    public async Task Organizations_resolve_by_key_and_by_the_current_request_s_organization()
    {
        var organizations = SandboxOrganization.Many(3);
        await using var sandbox = await PartnerHubTests.StartAsync(organizations);
        var services = new ServiceCollection();
        services.AddTotalExpertPartner(PartnerHubTests.Configuration(sandbox, organizations));
        services.AddScoped<RouteOrganization>();
        services.AddScoped<ITotalExpertOrganizationResolver>(sp => sp.GetRequiredService<RouteOrganization>());
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        var partner = provider.GetRequiredService<TotalExpertPartner>();

        Assert.Same(partner.ForOrganization("org-3"), provider.GetRequiredKeyedService<TotalExpertAdminClient>("org-3"));

        // An organization onboarded after the container was built resolves by key too.
        partner.AddOrganization("late", o => { o.ClientId = organizations[0].ClientId; o.ClientSecret = organizations[0].ClientSecret; });
        Assert.Same(partner.ForOrganization("late"), provider.GetRequiredKeyedService<TotalExpertAdminClient>("late"));

        using (var request = provider.CreateScope())
        {
            var contacts = request.ServiceProvider.GetRequiredService<IContactsClient>();
            await contacts.CreateContactAsync(new NewContact { Source = "DI", FirstName = "Di", LastName = "Two", Email = "di@two.example" });
            Assert.Same(partner.Surveys("org-2"), request.ServiceProvider.GetRequiredService<SurveyWorkflow>());
            Assert.Same(partner.Loans("org-2"), request.ServiceProvider.GetRequiredService<TeGen.Client.Lending.LoanSync>());
        }

        using (var request = provider.CreateScope())
        {
            request.ServiceProvider.GetRequiredService<RouteOrganization>().Name = "org-3";
            await request.ServiceProvider.GetRequiredService<TotalExpertAdminClient>().Contacts.CreateContactAsync(
                new NewContact { Source = "DI", FirstName = "Di", LastName = "Three", Email = "di@three.example" });
        }

        Assert.Equal([organizations[1].Name, organizations[2].Name], sandbox.Inspector.GetState().Contacts.Select(c => c.Organization));
    }

    [Fact]
    public async Task Without_a_resolver_the_current_organization_s_client_fails_saying_what_to_register()
    {
        var organizations = SandboxOrganization.Many(2);
        await using var sandbox = await PartnerHubTests.StartAsync(organizations);
        var services = new ServiceCollection();
        services.AddTotalExpertPartner(PartnerHubTests.Configuration(sandbox, organizations));
        await using var provider = services.BuildServiceProvider();
        using var scope = provider.CreateScope();

        var e = Assert.Throws<InvalidOperationException>(() => scope.ServiceProvider.GetRequiredService<IContactsClient>());

        Assert.Contains(nameof(ITotalExpertOrganizationResolver), e.Message);
        Assert.Contains("FromKeyedServices", e.Message);
    }

    [Fact]
    public void An_invalid_organization_in_configuration_fails_naming_it_and_the_setting()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["TotalExpert:Organizations:acme:ClientId"] = "acme",
        }).Build().GetSection("TotalExpert");

        var e = Assert.Throws<InvalidOperationException>(() => TotalExpertPartner.FromConfiguration(configuration));

        Assert.Equal("Organization 'acme': TotalExpert:ClientSecret is required.", e.Message);
    }
}
