using TeGen.Client.Tests.Support;
using TeGen.Sandbox;

namespace TeGen.Client.Tests.Resources;

/// <summary>Teams through the generated client, against a sandbox over loopback.</summary>
public class TeamClientTests
{
    [Fact]
    public async Task A_team_is_created_with_a_manager_listed_by_filter_and_page_its_managers_changed_and_deleted()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var admin = connection.CreateAdminClient();
        var north = await admin.Teams.CreateTeamAsync(new NewTeam { TeamName = "North Branch", Managers = [OwnerRef.ByUsername(sandbox.Users[0].Username)] });
        await admin.Teams.CreateTeamAsync(new NewTeam { TeamName = "South Branch" });
        await admin.Teams.CreateTeamAsync(new NewTeam { TeamName = "Operations" });

        await admin.Teams.UpdateTeamAsync(new TeamUpdate { Managers = [OwnerRef.ById(sandbox.Users[1].Id)], RemoveManagers = [OwnerRef.ById(sandbox.Users[0].Id)] }, north.Id);
        var team = await admin.Teams.GetTeamAsync(north.Id);
        var listed = await admin.Teams.ListAllTeamsAsync(pageSize: 2).Select(t => t.TeamName).ToListAsync();
        var branches = await admin.Teams.ListAllTeamsAsync(new TeamFilter { TeamNameContains = "Branch" }).CountAsync();
        await admin.Teams.DeleteTeamAsync(north.Id);

        Assert.Equal(sandbox.Users[1].Id, Assert.Single(team.Managers!).Id);
        Assert.Equal(["North Branch", "South Branch", "Operations"], listed);
        Assert.Equal(2, branches);
        await Assert.ThrowsAsync<TotalExpertNotFoundException>(() => admin.Teams.GetTeamAsync(north.Id));
    }

    [Fact]
    public async Task A_team_without_its_name_or_a_filter_TE_would_refuse_is_not_sent()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var admin = connection.CreateAdminClient();

        await RequestLog.RefusedAsync(sandbox, "team_name", () => admin.Teams.CreateTeamAsync(new NewTeam { Managers = [OwnerRef.ById(sandbox.Users[0].Id)] }));
        await RequestLog.RefusedAsync(sandbox, "team_name_contains", () => admin.Teams.ListTeamsAsync(new TeamFilter { TeamNameContains = "No" }));
        var unknown = await Assert.ThrowsAsync<TotalExpertValidationException>(() => admin.Teams.CreateTeamAsync(new NewTeam { TeamName = "X", Managers = [OwnerRef.ByUsername("nobody")] }));
        Assert.Contains("managers", unknown.Message, StringComparison.Ordinal);
    }
}
