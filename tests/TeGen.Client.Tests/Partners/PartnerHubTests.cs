using Microsoft.Extensions.Configuration;
using TeGen.Client.Surveys;
using TeGen.Sandbox;

namespace TeGen.Client.Tests.Partners;

/// <summary>
/// One partner hub, many TE organizations: settings inherited from the partner and overridden per organization,
/// organizations onboarded and removed at run time, and nothing an organization caches used for another.
/// </summary>
public class PartnerHubTests
{
    internal static IConfiguration Configuration(TeSandbox sandbox, IEnumerable<SandboxOrganization> organizations, Action<Dictionary<string, string?>>? more = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["TotalExpert:BaseUrl"] = sandbox.BaseUrl.AbsoluteUri,
            ["TotalExpert:Scopes:0"] = "leadInteraction",
            ["TotalExpert:Scopes:1"] = "leadSurveyInteraction",
            ["TotalExpert:RequiredContactGroups:0"] = "Partner group",
            ["TotalExpert:Retry:MaxRetries"] = "1",
            ["TotalExpert:Tokens:MaxRequestsPerHour"] = "10",
        };
        foreach (var organization in organizations)
        {
            var key = Key(organization);
            values[$"TotalExpert:Organizations:{key}:ClientId"] = organization.ClientId;
            values[$"TotalExpert:Organizations:{key}:ClientSecret"] = organization.ClientSecret;
            values[$"TotalExpert:Organizations:{key}:DefaultOwner:Id"] = organization.Users[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        more?.Invoke(values);
        return new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection("TotalExpert");
    }

    // These tests are about settings and caches, not TE's token limit: three organizations need three tokens.
    internal static Task<TeSandbox> StartAsync(IList<SandboxOrganization> organizations) =>
        TeSandbox.StartAsync(new TeSandboxOptions { Organizations = organizations, CreateMissingContactGroups = true, RateLimits = new() { TokenRequestLimit = 10 } });

    private static readonly string[] QuestionNames = ["purchase_timeline", "max_price", "comments"];

    internal static string Key(SandboxOrganization organization) => organization.ClientId.Replace("tegen-sandbox-client", "org", StringComparison.Ordinal);

    [Fact]
    public async Task Organizations_from_configuration_inherit_the_partner_settings_and_override_their_own()
    {
        var organizations = SandboxOrganization.Many(3);
        await using var sandbox = await StartAsync(organizations);
        using var partner = TotalExpertPartner.FromConfiguration(Configuration(sandbox, organizations, v =>
        {
            v["TotalExpert:Organizations:org-3:RequiredContactGroups:0"] = "Lending 3 prospects";
            v["TotalExpert:Organizations:org-3:Scopes:0"] = "leadInteraction";
        }));

        Assert.Equal(["org", "org-2", "org-3"], partner.Organizations);
        var org2 = partner.Connection("ORG-2").Options;
        var org3 = partner.Connection("org-3").Options;
        Assert.Equal(sandbox.BaseUrl, org2.BaseUrl);
        Assert.Equal(1, org2.Retry.MaxRetries);
        Assert.Equal(["Partner group"], org2.RequiredContactGroups);
        Assert.Equal(["Lending 3 prospects"], org3.RequiredContactGroups);
        Assert.Equal(["leadInteraction"], org3.Scopes);

        foreach (var name in partner.Organizations)
        {
            await partner.ForOrganization(name).Contacts.CreateContactAsync(new NewContact { Source = "Partner tests", FirstName = "Ann", LastName = "Lee", Email = "ann@example.com" });
        }

        var contacts = sandbox.Inspector.GetState().Contacts;
        Assert.Equal(organizations.Select(o => o.Name), contacts.Select(c => c.Organization));
        Assert.Equal(organizations.Select(o => (long?)o.Users[0].Id), contacts.Select(c => c.OwnerId));
        Assert.Same(partner.ForOrganization("org-2"), partner.ForOrganization("org-2"));
    }

    [Fact]
    public async Task An_organization_onboarded_at_run_time_is_served_and_one_removed_is_not()
    {
        var organizations = SandboxOrganization.Many(2);
        await using var sandbox = await TeSandbox.StartAsync(new TeSandboxOptions { Organizations = organizations });
        using var partner = new TotalExpertPartner(o => { o.BaseUrl = sandbox.BaseUrl; o.Scopes = ["leadInteraction"]; });

        Assert.Empty(partner.Organizations);
        partner.AddOrganization("newcomer", o => { o.ClientId = organizations[1].ClientId; o.ClientSecret = organizations[1].ClientSecret; });
        var page = await partner.ForOrganization("newcomer").Contacts.ListContactsAsync(1, 10, null, null);
        Assert.Empty(page.Items);

        var duplicate = Assert.Throws<InvalidOperationException>(() => partner.AddOrganization("NEWCOMER", o => { o.ClientId = "x"; o.ClientSecret = "y"; }));
        Assert.Contains("already served", duplicate.Message);
        var invalid = Assert.Throws<InvalidOperationException>(() => partner.AddOrganization("broken", o => o.ClientId = "x"));
        Assert.Contains("Organization 'broken': TotalExpert:ClientSecret is required", invalid.Message);

        Assert.True(partner.RemoveOrganization("newcomer"));
        Assert.False(partner.RemoveOrganization("newcomer"));
        var gone = Assert.Throws<KeyNotFoundException>(() => partner.ForOrganization("newcomer"));
        Assert.Contains("TotalExpert:Organizations:newcomer", gone.Message);
        Assert.Empty(partner.Organizations);

        // Onboarded again, it reuses the token still cached for its credential.
        partner.AddOrganization("newcomer", o => { o.ClientId = organizations[1].ClientId; o.ClientSecret = organizations[1].ClientSecret; });
        await partner.ForOrganization("newcomer").Contacts.ListContactsAsync(1, 10, null, null);
        Assert.Equal(1, sandbox.Inspector.GetRequestStats().TokenRequests);
    }

    [Fact]
    public async Task Users_sign_in_with_the_partner_credential_and_act_as_themselves()
    {
        var organizations = SandboxOrganization.Many(2);
        await using var sandbox = await StartAsync(organizations);
        using var partner = new TotalExpertPartner(o =>
        {
            o.BaseUrl = sandbox.BaseUrl;
            o.ClientId = organizations[1].ClientId;
            o.ClientSecret = organizations[1].ClientSecret;
            o.Scopes = ["leadInteraction"];
        });
        var user = organizations[1].Users[1];

        var code = await Support.UserSessions.AuthorizeAsync(partner.AuthorizationCode, user.Username);
        await partner.AuthorizationCode.ExchangeCodeAsync("user-42", code, Support.UserSessions.RedirectUri);
        await partner.ForUser("user-42").Contacts.CreateContactAsync(new NewContact { Source = "Partner tests", FirstName = "Ed", LastName = "Ho", Email = "ed@example.com" });

        var contact = Assert.Single(sandbox.Inspector.GetState().Contacts);
        Assert.Equal(user.Id, contact.OwnerId);
        Assert.Equal(organizations[1].Name, contact.Organization);
        partner.Dispose();
        Assert.Throws<ObjectDisposedException>(() => partner.ForUser("user-42"));
    }

    [Fact]
    public async Task Survey_and_question_ids_of_same_named_surveys_never_mix_between_organizations()
    {
        var organizations = SandboxOrganization.Many(3);
        await using var sandbox = await StartAsync(organizations);
        using var partner = TotalExpertPartner.FromConfiguration(Configuration(sandbox, organizations.Skip(1)));
        var definition = new SurveyDefinition("Home buyer interest", "1", "TeGen Sandbox")
            .Choice("purchase_timeline", "When do you plan to buy?", ("Within 3 months", "within_3_months"), ("Within a year", "within_a_year"), ("Later", "later"))
            .Decimal("max_price", "What is your maximum price?")
            .Text("comments", "Anything else?");

        var two = await partner.Surveys("org-2").EnsureSurveyAsync(definition);
        var three = await partner.Surveys("org-3").EnsureSurveyAsync(definition);
        var twoAgain = await partner.Surveys("org-2").EnsureSurveyAsync(definition);

        Assert.False(two.WasCreated);
        Assert.False(three.WasCreated);
        Assert.Equal(organizations[1].Surveys[0].Id, two.Id);
        Assert.Equal(organizations[2].Surveys[0].Id, three.Id);
        Assert.Same(two, twoAgain);
        Assert.Equal(organizations[1].Surveys[0].Questions.Select(q => q.Id), QuestionNames.Select(two.QuestionId));
        Assert.Equal(organizations[2].Surveys[0].Questions.Select(q => q.Id), QuestionNames.Select(three.QuestionId));

        // A response through each organization's workflow lands in that organization's survey.
        await partner.Surveys("org-3").SubmitAsync(definition,
            new NewContact { Source = "Partner tests", FirstName = "Bo", LastName = "Ng", Email = "bo@example.com" },
            new SurveyAnswers { ["purchase_timeline"] = "Later", ["max_price"] = "300000" });
        var response = Assert.Single(sandbox.Inspector.GetState().SurveyResponses);
        Assert.Equal(organizations[2].Name, response.Organization);
    }

    [Fact]
    public async Task Insight_types_of_the_same_name_resolve_to_each_organization_s_own()
    {
        var organizations = SandboxOrganization.Many(3);
        await using var sandbox = await StartAsync(organizations);
        using var partner = TotalExpertPartner.FromConfiguration(Configuration(sandbox, organizations.Skip(1)));
        const string Shared = "TeGen Sandbox: Contact synced";

        foreach (var name in new[] { "org-2", "org-3" })
        {
            var client = partner.ForOrganization(name);
            var contact = await client.Contacts.CreateContactAsync(new NewContact { Source = "Partner tests", FirstName = "Cy", LastName = name, Email = $"cy@{name}.example" });
            await client.Insights.CreateInsightAsync(new NewInsight { Contact = new ContactRef { Id = contact.Id }, Type = new InsightTypeRef { Type = Shared } });
        }

        var insights = sandbox.Inspector.GetState().Insights;
        Assert.Equal([organizations[1].Name, organizations[2].Name], insights.Select(i => i.Organization));
        Assert.Equal(
            organizations.Skip(1).Select(o => o.InsightTypes.Single(t => t.Type == Shared).Id),
            insights.Select(i => (long)i.Json["type"]!["id"]!));
    }
}
