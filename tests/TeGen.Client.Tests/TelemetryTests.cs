using System.Diagnostics;
using System.Diagnostics.Metrics;
using TeGen.Client.Diagnostics;
using TeGen.Client.Tests.Support;
using TeGen.Sandbox;

namespace TeGen.Client.Tests;

public class TelemetryTests
{
    [Fact]
    public async Task Calls_and_token_requests_are_measured_and_traced_under_TeGen()
    {
        await using var sandbox = await TeSandbox.StartAsync();
        var port = sandbox.BaseUrl.Port.ToString();
        var measurements = new List<(string Name, long Value)>();
        using var meters = new MeterListener();
        meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == TeGenTelemetry.Name)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        meters.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            lock (measurements)
            {
                measurements.Add((instrument.Name, value));
            }
        });
        meters.Start();
        var activities = new List<Activity>();
        using var tracing = new ActivityListener
        {
            ShouldListenTo = source => source.Name == TeGenTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                lock (activities)
                {
                    activities.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(tracing);

        using var connection = SandboxClients.Connect(sandbox);
        await connection.CreateAdminClient().Contacts.ListContactsAsync(1, 1, null, null);

        lock (measurements)
        {
            Assert.Contains(measurements, m => m.Name == "tegen.token_requests" && m.Value == 1);
            Assert.Contains(measurements, m => m.Name == "tegen.requests");
        }

        lock (activities)
        {
            Assert.Contains(activities, a => a.DisplayName == "TE GET /v1/contacts" && (int?)a.GetTagItem("http.response.status_code") == 200);
        }
    }
}
