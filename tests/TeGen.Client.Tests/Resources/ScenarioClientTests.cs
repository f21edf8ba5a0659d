using TeGen.Client.Tests.Support;
using TeGen.Sandbox;

namespace TeGen.Client.Tests.Resources;

/// <summary>Scenarios through the generated client, against a sandbox over loopback.</summary>
public class ScenarioClientTests
{
    private static NewScenario Scenario(int n, InsightOwnerRef? owner = null) => new()
    {
        Name = $"Scenario {n}",
        DisplayName = $"30-year fixed #{n}",
        Data = new Dictionary<string, object> { ["rate"] = 6.25m, ["term_months"] = 360 },
        ExpirationDate = new DateTimeOffset(2030, 2, 1, 0, 0, 0, TimeSpan.Zero),
        Tags = [new ScenarioTag { Type = "product", Value = "fixed" }, new ScenarioTag { Type = "term", Value = "30" }],
        Owner = owner,
    };

    [Fact]
    public async Task A_scenario_is_created_read_updated_listed_page_by_page_and_deleted()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var admin = connection.CreateAdminClient();
        var ids = new List<long>();
        for (var n = 0; n < 3; n++)
        {
            ids.Add((await admin.Scenarios.CreateScenarioAsync(Scenario(n, InsightOwnerRef.ByUsername(sandbox.Users[0].Username)))).Id);
        }

        await admin.Scenarios.UpdateScenarioAsync(new ScenarioUpdate { DisplayName = "Renamed", RemoveTags = [new ScenarioTag { Type = "term", Value = "30" }] }, ids[0]);
        var scenario = await admin.Scenarios.GetScenarioAsync(ids[0]);
        var listed = await admin.Scenarios.ListAllScenariosAsync(pageSize: 2).Select(s => s.Id).ToListAsync();
        await admin.Scenarios.DeleteScenarioAsync(ids[2]);

        Assert.Equal(("Scenario 0", "Renamed"), (scenario.Name, scenario.DisplayName));
        Assert.Equal("fixed", Assert.Single(scenario.Tags!).Value);
        Assert.Equal(sandbox.Users[0].Id, scenario.Owner!.Id);
        Assert.Equal(new DateTimeOffset(2030, 2, 1, 0, 0, 0, TimeSpan.Zero), scenario.ExpirationDate);
        Assert.True(scenario.Data!.ContainsKey("rate"));
        Assert.Equal(ids.Cast<long?>(), listed);
        await Assert.ThrowsAsync<TotalExpertNotFoundException>(() => admin.Scenarios.GetScenarioAsync(ids[2]));
    }

    [Fact]
    public async Task As_admin_a_scenario_needs_an_owner_before_sending_and_the_default_owner_serves_when_it_has_no_email_only()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var admin = connection.CreateAdminClient();

        var refused = await Assert.ThrowsAsync<TotalExpertRequestValidationException>(() => admin.Scenarios.CreateScenarioAsync(Scenario(1)));
        Assert.Equal("owner", refused.Field);

        using var byId = SandboxClients.Connect(sandbox, o => o.DefaultOwner = OwnerRef.ById(sandbox.Users[1].Id));
        var created = await byId.CreateAdminClient().Scenarios.CreateScenarioAsync(Scenario(2));
        Assert.Equal(sandbox.Users[1].Id, (await admin.Scenarios.GetScenarioAsync(created.Id)).Owner!.Id);

        using var byEmail = SandboxClients.Connect(sandbox, o => o.DefaultOwner = OwnerRef.ByEmail(sandbox.Users[1].Email));
        var unusable = await Assert.ThrowsAsync<TotalExpertRequestValidationException>(() => byEmail.CreateAdminClient().Scenarios.CreateScenarioAsync(Scenario(3)));
        Assert.Contains("e-mail", unusable.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task As_user_the_caller_owns_its_scenarios_and_sees_only_those()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var admin = connection.CreateAdminClient();
        await admin.Scenarios.CreateScenarioAsync(Scenario(1, InsightOwnerRef.ById(sandbox.Users[1].Id)));
        var user = await connection.AuthorizationCode.ExchangeCodeAsync("jane", await UserSessions.AuthorizeAsync(sandbox, connection), UserSessions.RedirectUri);

        var own = await user.Scenarios.CreateScenarioAsync(Scenario(2));

        Assert.Equal([own.Id], await user.Scenarios.ListAllScenariosAsync().Select(s => s.Id!.Value).ToListAsync());
        Assert.Equal(2, await admin.Scenarios.ListAllScenariosAsync().CountAsync());
    }
}
