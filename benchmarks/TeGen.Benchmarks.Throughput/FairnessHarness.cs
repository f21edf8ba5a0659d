using System.Diagnostics;
using TeGen.Client;
using TeGen.Client.Auth;
using TeGen.Client.Http;
using TeGen.Sandbox;

namespace TeGen.Benchmarks.Throughput;

/// <summary>
/// Organization A bulk-creates contacts with <see cref="HarnessOptions.Backlog"/> concurrent callers, so it always has
/// that many requests queued at the egress's limiter, while organization B makes one call at a time with a pause of ten
/// slots between calls, as a user's screen would: how long does B wait? Each mode starts a fresh sandbox with two
/// organizations; both take their token before anything is measured, and B starts one window after A, once A's first
/// burst is spent and its backlog queues.
/// </summary>
public static class FairnessHarness
{
    private const int ThinkSlots = 10;

    /// <summary>Runs one mode.</summary>
    /// <param name="mode">How the egress is shared.</param>
    /// <param name="options">Limit, window, margin, backlog and how long B calls.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public static async Task<FairnessResult> RunAsync(FairnessMode mode, HarnessOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var seeded = SandboxOrganization.Many(2);
        var expected = options.AllowedRate * (options.FairnessDuration + (3 * options.Window)).TotalSeconds;
        await using var sandbox = await TeSandbox.StartAsync(
            new TeSandboxOptions
            {
                Organizations = seeded,
                RequestLogCapacity = (int)(expected * 1.5) + options.Backlog + 1000,
                RateLimits = new RateLimitOptions { RequestLimit = options.RequestLimit, RequestWindow = options.Window },
            },
            cancellationToken).ConfigureAwait(false);

        var owned = new List<IDisposable>();
        try
        {
            var (a, b) = Clients(mode, sandbox, seeded, options, owned);
            await b.Contacts.ListContactsAsync(1, 1, null, null, cancellationToken).ConfigureAwait(false);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var bulk = mode == FairnessMode.Alone ? Task.CompletedTask : BulkAsync(a, new LoadContacts(seeded[0]), mode, options.Backlog, stop.Token);
            await Task.Delay(options.Window + options.SafetyMargin, cancellationToken).ConfigureAwait(false);

            var waits = new List<double>();
            var think = options.Slot * ThinkSlots;
            var from = DateTimeOffset.UtcNow;
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < options.FairnessDuration)
            {
                var started = Stopwatch.GetTimestamp();
                await b.Contacts.ListContactsAsync(1, 1, null, null, cancellationToken).ConfigureAwait(false);
                waits.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                await Task.Delay(think, cancellationToken).ConfigureAwait(false);
            }

            var to = DateTimeOffset.UtcNow;
            await stop.CancelAsync().ConfigureAwait(false);
            await bulk.ConfigureAwait(false);

            var stats = sandbox.Inspector.GetRequestStats();
            var allowed = options.AllowedRate * (to - from).TotalSeconds;
            double Share(string clientId, string method) => stats.Recent.Count(r =>
                r.ClientId == clientId && r.Method == method && r.Path == "/v1/contacts" && r.Status is >= 200 and < 300 && r.Timestamp >= from && r.Timestamp <= to) / allowed;
            TimeSpan Percentile(double percent) => TimeSpan.FromMilliseconds(RateMeasure.Percentile(waits, percent));
            return new FairnessResult(
                mode,
                waits.Count,
                Percentile(50),
                Percentile(95),
                Percentile(99),
                Percentile(100),
                options.Slot,
                Share(seeded[0].ClientId, "POST"),
                Share(seeded[mode == FairnessMode.Fifo ? 0 : 1].ClientId, "GET"),
                stats.TooManyRequests,
                stats.TokenRequests);
        }
        finally
        {
            owned.ForEach(o => o.Dispose());
        }
    }

    // A's callers create contacts until stopped; in FairBulk mode their calls are marked Bulk.
    private static Task BulkAsync(TotalExpertAdminClient a, LoadContacts contacts, FairnessMode mode, int callers, CancellationToken stop)
    {
        var next = 0;
        return Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(
            async () =>
            {
                using var scope = mode == FairnessMode.FairBulk ? TotalExpertCallOptions.Use(new() { Priority = TeRequestPriority.Bulk }) : null;
                while (!stop.IsCancellationRequested)
                {
                    try
                    {
                        await a.Contacts.CreateContactAsync(contacts.ForTeGen(Interlocked.Increment(ref next)), stop).ConfigureAwait(false);
                    }
                    catch (Exception) when (stop.IsCancellationRequested)
                    {
                        // Stopped while queued or in flight: the measurement is over.
                        return;
                    }
                }
            },
            CancellationToken.None)));
    }

    private static (TotalExpertAdminClient A, TotalExpertAdminClient B) Clients(
        FairnessMode mode, TeSandbox sandbox, IList<SandboxOrganization> seeded, HarnessOptions options, List<IDisposable> owned)
    {
        void Defaults(TotalExpertClientOptions o) => options.ApplyTo(o, sandbox.BaseUrl);

        if (mode != FairnessMode.Fifo)
        {
            var partner = new TotalExpertPartner(Defaults);
            owned.Add(partner);
            partner.AddOrganization("a", o => { o.ClientId = seeded[0].ClientId; o.ClientSecret = seeded[0].ClientSecret; });
            partner.AddOrganization("b", o => { o.ClientId = seeded[1].ClientId; o.ClientSecret = seeded[1].ClientSecret; });
            return (partner.ForOrganization("a"), partner.ForOrganization("b"));
        }

        // The baseline: callers the limiter cannot tell apart, served in arrival order. Connections are told apart by
        // their client id, so B's calls go through A's own connection: one tenant, as every caller was before the
        // limiter had tenants.
        var tokens = new InMemoryTokenStore();
        var limiters = new TeRateLimiterRegistry();
        var o = new TotalExpertClientOptions { ClientId = seeded[0].ClientId, ClientSecret = seeded[0].ClientSecret };
        Defaults(o);
        var connection = new TotalExpertConnection(o, tokens, TimeProvider.System, loggerFactory: null, limiters);
        owned.Add(connection);
        var client = connection.CreateAdminClient();
        return (client, client);
    }
}