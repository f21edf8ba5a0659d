using System.Text.Json.Nodes;
using TeGen.Sandbox.Tests.Support;

namespace TeGen.Sandbox.Tests.Resources;

/// <summary>An organization uses lead opportunities or ALM leads, never both.</summary>
public sealed class LeadFamilyTests
{
    private static JsonObject Person() => new() { ["first_name"] = "Ann", ["last_name"] = "Lee", ["email"] = "ann@example.test", ["source"] = "Web" };

    [Fact]
    public async Task Once_an_organization_holds_a_lead_opportunity_every_alm_lead_call_is_403()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        (await api.PostAsync("v1/lead-opportunities", token, Person())).Expect(201);

        (await api.PostAsync("v1/leads", token, Person())).ExpectError(403, "lead opportunities");
        (await api.GetAsync("v1/leads/1", token)).Expect(403);
        (await api.PatchAsync("v1/leads/1", token, new JsonObject { ["status"] = "x" })).Expect(403);
        (await api.GetAsync("v1/lead-opportunities", token)).Expect(200);
    }

    [Fact]
    public async Task Once_an_organization_holds_an_alm_lead_every_lead_opportunity_call_is_403_and_other_organizations_are_free()
    {
        await using var api = await TestApi.StartAsync(options => options.Organizations = SandboxOrganization.Many(2));
        var token = await api.AdminTokenAsync();
        (await api.PostAsync("v1/leads", token, Person())).Expect(201);

        (await api.GetAsync("v1/lead-opportunities", token)).ExpectError(403, "ALM leads");
        (await api.PostAsync("v1/lead-opportunities", token, Person())).Expect(403);
        (await api.GetAsync($"v1/lead-opportunities/{Guid.NewGuid()}", token)).Expect(403);

        var other = await api.AdminTokenAsync(organization: api.Sandbox.Options.Organizations[1]);
        (await api.PostAsync("v1/lead-opportunities", other, Person())).Expect(201);
    }

    [Fact]
    public async Task The_options_can_fix_the_family_before_any_record_exists()
    {
        await using var api = await TestApi.StartAsync(options => options.LeadFamilies = SandboxLeadFamilies.AlmLeads);
        var token = await api.AdminTokenAsync();

        (await api.GetAsync("v1/lead-opportunities", token)).ExpectError(403, "ALM leads");
        (await api.PostAsync("v1/leads", token, Person())).Expect(201);
    }

    [Fact]
    public async Task The_standalone_sandbox_takes_the_family_from_the_command_line_and_refuses_a_wrong_one()
    {
        var (app, runtime) = TeGen.Sandbox.Hosting.SandboxApp.Build(new TeSandboxOptions(), ["--Sandbox:LeadFamilies=almleads", "--urls", "http://127.0.0.1:0"], standalone: true);
        await app.DisposeAsync();

        Assert.Equal(SandboxLeadFamilies.AlmLeads, runtime.Options.LeadFamilies);
        Assert.Throws<ArgumentException>(() => TeGen.Sandbox.Hosting.SandboxApp.Build(new TeSandboxOptions(), ["--Sandbox:LeadFamilies=7", "--urls", "http://127.0.0.1:0"], standalone: true));
    }

    [Fact]
    public async Task A_reset_forgets_which_family_was_used()
    {
        await using var api = await TestApi.StartAsync();
        var token = await api.AdminTokenAsync();
        (await api.PostAsync("v1/leads", token, Person())).Expect(201);

        api.Sandbox.Inspector.Reset();

        (await api.PostAsync("v1/lead-opportunities", token, Person())).Expect(201);
    }
}
