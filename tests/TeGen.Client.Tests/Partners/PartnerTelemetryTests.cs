using System.Diagnostics.Metrics;
using TeGen.Client.Diagnostics;
using TeGen.Client.Http;
using TeGen.Sandbox;

namespace TeGen.Client.Tests.Partners;

/// <summary>What a partner's dashboard needs: limiter waits per organization and class, and token requests refused.</summary>
public class PartnerTelemetryTests
{
    [Fact]
    public async Task Limiter_waits_are_tagged_with_the_organization_and_refused_token_requests_are_counted()
    {
        var waits = new List<(string Tenant, string Priority)>();
        long refused = 0;
        using var meters = new MeterListener();
        meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == TeGenTelemetry.Name && instrument.Name is "tegen.rate_limiter.wait" or "tegen.token_requests.refused")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        meters.SetMeasurementEventCallback<double>((_, _, tags, _) =>
        {
            var tagged = tags.ToArray().ToDictionary(t => t.Key, t => t.Value as string);
            lock (waits)
            {
                waits.Add((tagged["tenant"]!, tagged["priority"]!));
            }
        });
        meters.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref refused, value));
        meters.Start();

        var organizations = SandboxOrganization.Many(3);
        await using var sandbox = await TeSandbox.StartAsync(new TeSandboxOptions { Organizations = organizations });
        using var partner = TotalExpertPartner.FromConfiguration(PartnerHubTests.Configuration(sandbox, organizations, v => v.Remove("TotalExpert:Tokens:MaxRequestsPerHour")));
        await partner.ForOrganization("org").Contacts.ListContactsAsync(1, 1, null, null);
        using (TotalExpertCallOptions.Use(new() { Priority = TeRequestPriority.Bulk }))
        {
            await partner.ForOrganization("org-2").Contacts.ListContactsAsync(1, 1, null, null);
        }

        await Assert.ThrowsAsync<TokenBudgetExceededException>(() => partner.ForOrganization("org-3").Contacts.ListContactsAsync(1, 1, null, null));

        lock (waits)
        {
            Assert.Contains(("org", "normal"), waits);
            Assert.Contains(("org-2", "bulk"), waits);
            Assert.Contains(("", "token"), waits);
        }

        Assert.True(Interlocked.Read(ref refused) >= 1);
    }
}
