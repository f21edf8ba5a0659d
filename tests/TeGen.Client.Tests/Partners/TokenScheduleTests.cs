using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Time.Testing;
using TeGen.Client.Partners;
using TeGen.Sandbox;

namespace TeGen.Client.Tests.Partners;

/// <summary>
/// Token requests under TE's 2 per hour per egress, for several organizations: never a 429 from <c>/v1/token</c>, a
/// typed refusal saying when, an early renewal that gives way to a caller with no token, and a schedule that predicts
/// exactly which calls will be refused.
/// </summary>
public class TokenScheduleTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);

    // Organizations on a sandbox and a partner hub sharing one fake clock, with TE's real token limit: 2 per hour.
    private static async Task<(TeSandbox Sandbox, TotalExpertPartner Partner)> StartAsync(int organizations, FakeTimeProvider time)
    {
        var seeded = SandboxOrganization.Many(organizations);
        var sandbox = await TeSandbox.StartAsync(new TeSandboxOptions { Organizations = seeded, TimeProvider = time });
        return (sandbox, TotalExpertPartner.FromConfiguration(PartnerHubTests.Configuration(sandbox, seeded, v => v.Remove("TotalExpert:Tokens:MaxRequestsPerHour")), timeProvider: time));
    }

    [Fact]
    public async Task Three_organizations_over_three_hours_never_exceed_two_token_requests_an_hour_and_fail_exactly_as_the_schedule_predicts()
    {
        var time = new FakeTimeProvider(Start);
        var (sandbox, partner) = await StartAsync(3, time);
        await using var _ = sandbox;
        using var __ = partner;
        int predicted = 0, failed = 0, calls = 0;
        var failedBy = partner.Organizations.ToDictionary(name => name, _ => 0);
        var mismatches = new List<string>();

        for (var minute = 0; minute < 180; minute += 5)
        {
            foreach (var name in partner.Organizations)
            {
                var schedule = await partner.GetTokenScheduleAsync();
                var willFail = schedule.Organizations.Single(o => o.Organization == name).Token.AvailableAt > time.GetUtcNow();
                bool didFail;
                try
                {
                    await partner.ForOrganization(name).Contacts.ListContactsAsync(1, 1, null, null);
                    didFail = false;
                }
                catch (TokenBudgetExceededException e)
                {
                    didFail = true;
                    Assert.Equal(schedule.Organizations.Single(o => o.Organization == name).Token.AvailableAt, e.NextAllowedAt);
                }

                calls++;
                predicted += willFail ? 1 : 0;
                failed += didFail ? 1 : 0;
                failedBy[name] += didFail ? 1 : 0;
                if (willFail != didFail)
                {
                    mismatches.Add($"{name} at +{minute} min: predicted {(willFail ? "refusal" : "success")}");
                }
            }

            time.Advance(TimeSpan.FromMinutes(5));
        }

        Assert.Empty(mismatches);
        Assert.Equal(predicted, failed);
        Assert.InRange(failed, 1, calls - 1);

        // Two tokens an hour for three organizations: they take turns, none is refused hour after hour.
        Assert.All(failedBy, f => Assert.True(f.Value <= calls / 3 / 2, $"{f.Key} was refused {f.Value} of {calls / 3} times ({string.Join(", ", failedBy)})"));
        var tokenRequests = sandbox.Inspector.GetRequestStats().Recent.Where(r => r.Path == "/v1/token").Select(r => r.Timestamp).ToList();
        Assert.All(tokenRequests, at => Assert.True(tokenRequests.Count(other => other <= at && at - other < TimeSpan.FromHours(1)) <= 2, $"more than 2 token requests in the hour up to {at:t}"));
        Assert.Equal(0, sandbox.Inspector.GetRequestStats().TooManyRequests);
    }

    [Fact]
    public async Task An_early_renewal_leaves_the_last_token_request_of_the_hour_to_an_organization_without_a_token()
    {
        var time = new FakeTimeProvider(Start);
        var (sandbox, partner) = await StartAsync(2, time);
        await using var _ = sandbox;
        using var __ = partner;

        await partner.ForOrganization("org").Contacts.ListContactsAsync(1, 1, null, null);
        time.Advance(TimeSpan.FromMinutes(57)); // org's token is in its renewal margin (5 minutes before expiry)
        await partner.ForOrganization("org").Contacts.ListContactsAsync(1, 1, null, null);
        var schedule = await partner.GetTokenScheduleAsync();
        await partner.ForOrganization("org-2").Contacts.ListContactsAsync(1, 1, null, null);

        Assert.Equal(2, sandbox.Inspector.GetRequestStats().TokenRequests);
        var org = schedule.Organizations.Single(o => o.Organization == "org").Token;
        Assert.Equal(Start.AddHours(1), org.ValidUntil);
        Assert.Equal(Start.AddMinutes(55), org.RenewFrom);
        Assert.Equal(time.GetUtcNow(), schedule.Organizations.Single(o => o.Organization == "org-2").Token.AvailableAt);
        var egress = Assert.Single(schedule.Egresses);
        Assert.Equal([Start], egress.RequestsInLastHour);
        Assert.Equal(2, egress.MaxPerHour);
    }

    [Fact]
    public async Task Organizations_on_two_egresses_bound_to_two_local_addresses_have_two_budgets()
    {
        var organizations = SandboxOrganization.Many(4);
        await using var sandbox = await TeSandbox.StartAsync(new TeSandboxOptions { Organizations = organizations });
        var addresses = new Dictionary<string, IPAddress> { ["ip-1"] = IPAddress.Parse("127.0.0.1"), ["ip-2"] = IPAddress.Parse("127.0.0.2") };
        using var partner = TotalExpertPartner.FromConfiguration(
            PartnerHubTests.Configuration(sandbox, organizations, v =>
            {
                v.Remove("TotalExpert:Tokens:MaxRequestsPerHour");
                foreach (var (organization, i) in organizations.Select((o, i) => (o, i)))
                {
                    v[$"TotalExpert:Organizations:{PartnerHubTests.Key(organization)}:Egress"] = i < 2 ? "ip-1" : "ip-2";
                }
            }),
            egressHandler: egress => TotalExpertEgress.BoundTo(addresses[egress]));

        await Task.WhenAll(partner.Organizations.Select(name => partner.ForOrganization(name).Contacts.ListContactsAsync(1, 1, null, null)));

        var stats = sandbox.Inspector.GetRequestStats();
        Assert.Equal(4, stats.TokenRequests);
        Assert.Equal(0, stats.TooManyRequests);
        Assert.Equal(["127.0.0.1", "127.0.0.1", "127.0.0.2", "127.0.0.2"], stats.Recent.Where(r => r.Path == "/v1/token").Select(r => r.SourceIp).Order());
        Assert.Equal(2, (await partner.GetTokenScheduleAsync()).Egresses.Count);
    }

    [Fact]
    public void A_bound_egress_refuses_an_address_the_machine_does_not_have()
    {
        using var handler = TotalExpertEgress.BoundTo(IPAddress.Parse("192.0.2.1"));
        using var http = new HttpClient(handler);

        var e = Assert.ThrowsAny<Exception>(() => http.GetAsync("http://127.0.0.1:9/").GetAwaiter().GetResult());

        Assert.IsType<SocketException>(e.GetBaseException());
    }
}
