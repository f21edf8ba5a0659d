using System.Text.Json.Nodes;
using TeGen.Client.Tests.Support;
using TeGen.Sandbox;

namespace TeGen.Client.Tests.Resources;

/// <summary>Contact recruits and their lookups through the generated client, against a sandbox over loopback.</summary>
public class ContactRecruitClientTests
{
    private static NewContactRecruit Recruit(string first, OwnerRef? owner = null) => new()
    {
        FirstName = first,
        LastName = "Moreno",
        Email = $"{first.ToLowerInvariant()}@example.test",
        Owner = owner,
        RecruitInfo = new RecruitInfo { RecruitStatus = new ContactRecruitStatusRef { StatusName = "Prospect" }, SourcedPercent = 40, CommissionSplitPercent = 70 },
        StateLicenses = [new StateLicense { State = "MN", LicenseNumber = "MLO-1" }],
        RecruitMetrics =
        [
            new RecruitMetric { Metric = new ContactRecruitMetricRef { MetricName = "Purchase Share" }, Value = 60, Unit = new ContactRecruitMetricUnitRef { UnitName = "Percent" } },
            new RecruitMetric { Metric = new ContactRecruitMetricRef { MetricName = "Annual Volume" }, Value = 12_000_000, Unit = new ContactRecruitMetricUnitRef { UnitName = "Dollars" } },
        ],
    };

    [Fact]
    public async Task A_recruit_is_created_read_updated_listed_and_deleted_and_the_lookups_are_listed()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var admin = connection.CreateAdminClient();
        var jane = OwnerRef.ByUsername(sandbox.Users[0].Username);
        var rita = await admin.ContactRecruits.CreateContactRecruitAsync(Recruit("Rita", jane));
        await admin.ContactRecruits.CreateContactRecruitAsync(Recruit("Sam", jane));
        await admin.ContactRecruits.CreateContactRecruitAsync(Recruit("Tom", jane));

        await admin.ContactRecruits.UpdateContactRecruitAsync(new ContactRecruitUpdate { RecruitInfo = new RecruitInfo { RecruitStatus = new ContactRecruitStatusRef { StatusName = "Hired" }, SourcedPercent = 55 } }, rita.Id);
        var recruit = await admin.ContactRecruits.GetContactRecruitAsync(rita.Id);
        var hired = await admin.ContactRecruits.ListAllContactRecruitsAsync(new ContactRecruitFilter { RecruitStatus = "Hired" }).Select(r => r.Id).ToListAsync();
        var all = await admin.ContactRecruits.ListAllContactRecruitsAsync(pageSize: 2).CountAsync();
        await admin.ContactRecruits.DeleteContactRecruitAsync(rita.Id);

        Assert.Equal(("Rita", sandbox.Users[0].Id, 55d), (recruit.FirstName, recruit.Owner!.Id, recruit.RecruitInfo!.SourcedPercent));
        Assert.Equal("MLO-1", recruit.StateLicenses!.Single().LicenseNumber);
        Assert.Equal([rita.Id], hired.Cast<long>());
        Assert.Equal(3, all);
        await Assert.ThrowsAsync<TotalExpertNotFoundException>(() => admin.ContactRecruits.GetContactRecruitAsync(rita.Id));
        Assert.Contains("Hired", await admin.ContactRecruitStatuses.ListAllContactRecruitStatusesAsync().Select(s => s.StatusName).ToListAsync());
        Assert.Contains("Purchase Share", await admin.ContactRecruitMetrics.ListAllContactRecruitMetricsAsync().Select(m => m.MetricName).ToListAsync());
        Assert.Contains("Percent", await admin.ContactRecruitMetricUnits.ListAllContactRecruitMetricUnitsAsync().Select(u => u.UnitName).ToListAsync());
    }

    [Fact]
    public async Task The_SDK_sends_the_spelling_of_TEs_table()
    {
        await using var te = new FakeTe(r => r.Path == "/v1/contact-recruits" ? FakeReply.Json(201, """{"created":"te/v1/contact-recruits/7","id":7}""") : null);
        using var connection = FakeTeClients.Connect(te);

        await connection.CreateAdminClient().ContactRecruits.CreateContactRecruitAsync(Recruit("Rita", OwnerRef.ById(101)));
        var sent = JsonNode.Parse(te.Requests.Last(r => r.Path == "/v1/contact-recruits").Text)!["recruit_info"]!.AsObject();

        Assert.Equal(["commission_split_percent", "recruit_status", "sourced_percent"], sent.Select(m => m.Key).Order());
    }

    [Fact]
    public async Task As_admin_a_recruit_needs_an_owner_before_sending_and_the_default_owner_serves()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var admin = connection.CreateAdminClient();

        await RequestLog.RefusedAsync(sandbox, "owner", () => admin.ContactRecruits.CreateContactRecruitAsync(Recruit("Rita")));
        await RequestLog.RefusedAsync(sandbox, "last_name", () => admin.ContactRecruits.CreateContactRecruitAsync(new NewContactRecruit { FirstName = "Rita", Owner = OwnerRef.ById(sandbox.Users[0].Id) }));

        using var withDefault = SandboxClients.Connect(sandbox, o => o.DefaultOwner = OwnerRef.ById(sandbox.Users[1].Id));
        var created = await withDefault.CreateAdminClient().ContactRecruits.CreateContactRecruitAsync(Recruit("Sam"));
        Assert.Equal(sandbox.Users[1].Id, (await admin.ContactRecruits.GetContactRecruitAsync(created.Id)).Owner!.Id);
    }

    [Fact]
    public async Task As_user_the_caller_owns_its_recruits_and_sees_only_those()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        await connection.CreateAdminClient().ContactRecruits.CreateContactRecruitAsync(Recruit("Rita", OwnerRef.ById(sandbox.Users[1].Id)));
        var user = await connection.AuthorizationCode.ExchangeCodeAsync("jane", await UserSessions.AuthorizeAsync(sandbox, connection), UserSessions.RedirectUri);
        var own = await user.ContactRecruits.CreateContactRecruitAsync(Recruit("Tom"));
        Assert.Equal([own.Id], await user.ContactRecruits.ListAllContactRecruitsAsync().Select(r => r.Id!.Value).ToListAsync());
    }

    [Fact]
    public async Task Percent_metrics_over_100_are_TEs_422()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        using var connection = SandboxClients.Connect(sandbox);
        var admin = connection.CreateAdminClient();
        var recruit = Recruit("Rita", OwnerRef.ById(sandbox.Users[0].Id));
        recruit.RecruitMetrics!.Add(new RecruitMetric { Metric = new ContactRecruitMetricRef { MetricName = "Refinance Share" }, Value = 50, Unit = new ContactRecruitMetricUnitRef { UnitName = "Percent" } });

        var refused = await Assert.ThrowsAsync<TotalExpertValidationException>(() => admin.ContactRecruits.CreateContactRecruitAsync(recruit));
        Assert.Contains("more than 100", refused.Message, StringComparison.Ordinal);
    }
}
