using System.Threading.RateLimiting;
using Microsoft.Extensions.Time.Testing;
using TeGen.Client.Http;
using TeGen.Client.Tests.Support;
using Xunit.Abstractions;

namespace TeGen.Client.Tests.Http;

/// <summary>
/// Callers queued on the egress limiter are served by class, then by weighted fair share among tenants: one
/// organization's backlog does not hold another's calls behind it. The clock is fake and each test drives it step by
/// step (<see cref="LimiterSimulation"/>), so grant orders are exact.
/// </summary>
public class FairQueuingTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));

    // One permit per second, already used: every caller queues, and each step of a second grants exactly one.
    private LimiterSimulation OnePerSecond()
    {
        var simulation = new LimiterSimulation(new TeRequestRateLimiter(1, Second, _time), _time);
        simulation.Start("warm-up");
        simulation.Served.Clear();
        return simulation;
    }

    [Fact]
    public void A_tenant_arriving_behind_another_tenants_backlog_is_interleaved_with_it()
    {
        var simulation = OnePerSecond();
        simulation.StartMany(200, "A");

        simulation.StartMany(5, "B");

        simulation.Step(Second, times: 10);

        Assert.Equal("ABABABABAB", simulation.ServedOrder());
    }

    [Fact]
    public void Backlogged_tenants_share_by_weight_and_a_weight_changed_at_run_time_applies_to_what_follows()
    {
        var simulation = OnePerSecond();
        simulation.Limiter.SetWeight("A", 3);
        for (var i = 0; i < 200; i++)
        {
            simulation.Start("A");
            simulation.Start("B");
        }

        simulation.Step(Second, times: 80);

        var a = simulation.ServedOrder().Count(t => t == 'A');
        output.WriteLine($"weights 3:1, 80 grants: A {a}, B {80 - a}");
        Assert.InRange(a, 59, 61);

        simulation.Limiter.SetWeight("A", 1);
        simulation.Step(Second, times: 40);

        var after = simulation.ServedOrder(skip: 80).Count(t => t == 'A');
        output.WriteLine($"weights then 1:1, 40 grants: A {after}, B {40 - after}");
        Assert.InRange(after, 19, 21);
    }

    [Fact]
    public void Normal_traffic_of_any_tenant_goes_before_a_bulk_backlog()
    {
        var simulation = OnePerSecond();
        simulation.StartMany(50, "A", TeRequestPriority.Bulk);

        simulation.StartMany(5, "B");

        simulation.Step(Second, times: 8);

        Assert.Equal("BBBBBAAA", simulation.ServedOrder());
    }

    [Fact]
    public void Bulk_traffic_alone_gets_the_whole_limit_in_every_window()
    {
        var simulation = new LimiterSimulation(new TeRequestRateLimiter(20, Second, _time), _time);
        var start = _time.GetUtcNow();
        simulation.StartMany(200, "A", TeRequestPriority.Bulk);

        while (_time.GetUtcNow() < start + TimeSpan.FromSeconds(5))
        {
            simulation.Step(TimeSpan.FromMilliseconds(10));
        }

        var perWindow = Enumerable.Range(0, 5).Select(k => simulation.Grants.Count(g => g >= start + (k * Second) && g < start + ((k + 1) * Second))).ToList();
        output.WriteLine($"bulk alone, 20 per second: {string.Join(", ", perWindow)}");
        Assert.All(perWindow, count => Assert.Equal(20, count));
    }

    [Fact]
    public void Token_requests_go_before_every_other_class()
    {
        var simulation = OnePerSecond();
        for (var i = 0; i < 10; i++)
        {
            simulation.Start("A");
            simulation.Start("B", TeRequestPriority.Bulk);
        }

        simulation.Start(TeTraffic.TokenRequest);
        simulation.Step(Second, times: 3);

        Assert.Equal("TAA", simulation.ServedOrder());
    }

    [Fact]
    public async Task A_queued_waiter_cancelled_or_past_its_deadline_leaves_the_queue_and_the_others_proceed()
    {
        var simulation = OnePerSecond();
        var start = _time.GetUtcNow();
        using var cancel = new CancellationTokenSource();
        simulation.Start("A");
        var cancelled = simulation.Start("A", cancellationToken: cancel.Token);
        simulation.Start("A");

        // Second in line (A's head, then it), granted at +2 s: a deadline of +1.5 s is refused at once.
        var hopeless = simulation.Start("B", deadline: start + TimeSpan.FromSeconds(1.5));
        Assert.Contains(hopeless, simulation.Failed);
        Assert.True((await hopeless.Acquiring).TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(2), retryAfter);

        // Expected at +2 s, within its deadline, so it queues; two token requests then push it behind A's head, to
        // +4 s, and its deadline passes while it waits.
        var late = simulation.Start("B", deadline: start + TimeSpan.FromSeconds(2.5));
        Assert.DoesNotContain(late, simulation.Failed);
        simulation.Start(TeTraffic.TokenRequest);
        simulation.Start(TeTraffic.TokenRequest);

        cancel.Cancel();
        simulation.Settle();
        Assert.True(cancelled.Acquiring.IsCanceled);

        simulation.Step(Second);
        simulation.Step(Second);
        simulation.Step(Second / 2);
        Assert.Contains(late, simulation.Failed);
        var refused = await late.Acquiring;
        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out retryAfter));
        // Were it to come back now: behind A's head, second to go once the token request's permit frees at +3 s.
        Assert.Equal(TimeSpan.FromSeconds(1.5), retryAfter);

        simulation.Step(Second, times: 3);

        Assert.Equal("TTAA", simulation.ServedOrder());
        Assert.Equal(0, simulation.Outstanding);
        Assert.Equal(0, simulation.Limiter.GetStatistics()!.CurrentQueuedCount);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void A_mixed_load_never_gets_more_than_the_limit_in_any_window_and_every_caller_is_settled(int seed)
    {
        const int Limit = 5;
        var window = Second;
        var simulation = new LimiterSimulation(new TeRequestRateLimiter(Limit, window, _time), _time);
        var random = new Random(seed);
        var cancellations = new List<(DateTimeOffset At, CancellationTokenSource Source)>();
        var calls = 0;
        for (var step = 0; step < 600; step++)
        {
            var now = _time.GetUtcNow();
            for (var n = random.Next(3); n > 0; n--, calls++)
            {
                var tenant = "ABCD"[random.Next(4)].ToString();
                var priority = random.Next(3) == 0 ? TeRequestPriority.Bulk : TeRequestPriority.Normal;
                var traffic = random.Next(30) == 0 ? TeTraffic.TokenRequest : new TeTraffic(tenant, priority);

                // Answers take up to 0.6 s; one in twenty never comes (the lease lapses after two windows).
                var latency = random.Next(20) == 0 ? TimeSpan.FromDays(1) : TimeSpan.FromMilliseconds(random.Next(600));
                DateTimeOffset? deadline = random.Next(3) == 0 ? now + TimeSpan.FromMilliseconds(random.Next(500, 5000)) : null;
                var cancel = new CancellationTokenSource();
                if (random.Next(5) == 0)
                {
                    cancellations.Add((now + TimeSpan.FromMilliseconds(random.Next(3000)), cancel));
                }

                simulation.Start(traffic, latency, deadline, cancel.Token);
            }

            if (random.Next(200) == 0)
            {
                simulation.Limiter.PauseUntil(now + TimeSpan.FromMilliseconds(random.Next(2000)));
            }

            foreach (var due in cancellations.Where(c => c.At <= now).ToList())
            {
                cancellations.Remove(due);
                due.Source.Cancel();
            }

            simulation.Step(TimeSpan.FromMilliseconds(random.Next(1, 100)));
        }

        cancellations.ForEach(c => c.Source.Cancel());
        for (var i = 0; i < 2000 && simulation.Outstanding > 0; i++)
        {
            simulation.Step(TimeSpan.FromMilliseconds(100));
        }

        simulation.Step(TimeSpan.FromDays(1));
        Assert.Equal(0, simulation.Outstanding);
        Assert.Equal(calls, simulation.Served.Count + simulation.Failed.Count);
        Assert.Equal(simulation.Served.Count, simulation.Grants.Count);
        foreach (var start in simulation.Grants)
        {
            var inWindow = simulation.Grants.Count(g => g >= start && g < start + window);
            Assert.True(inWindow <= Limit, $"{inWindow} grants in the window from {start:HH:mm:ss.fff}");
        }

        output.WriteLine($"seed {seed}: {calls} calls, {simulation.Served.Count} granted, {simulation.Failed.Count} refused or cancelled");
    }

    [Fact]
    public void Interactive_calls_of_one_organization_wait_a_slot_or_two_behind_another_organizations_bulk_sync()
    {
        // 20 permits per second: a slot frees every 50 ms at full use. A creates 40 a second for a minute and more
        // (a backlog growing to a thousand); B calls once every 2 s. Answers take 10-190 ms.
        var slot = TimeSpan.FromMilliseconds(50);
        var bAlone = Run(aTenant: null, TeRequestPriority.Normal, bTenant: "B", withA: false, withB: true);
        var aAlone = Run(aTenant: "A", TeRequestPriority.Normal, bTenant: null, withA: true, withB: false);
        var fair = Run(aTenant: "A", TeRequestPriority.Normal, bTenant: "B", withA: true, withB: true);
        var bulk = Run(aTenant: "A", TeRequestPriority.Bulk, bTenant: "B", withA: true, withB: true);
        var fifo = Run(aTenant: "A", TeRequestPriority.Normal, bTenant: "A", withA: true, withB: true);
        foreach (var (name, run) in new[] { ("B alone", bAlone), ("A alone", aAlone), ("A and B, both normal", fair), ("A bulk, B normal", bulk), ("A and B first-come-first-served", fifo) })
        {
            output.WriteLine(
                $"{name}: B wait median {run.Median(0.5).TotalMilliseconds:0} ms, p95 {run.Median(0.95).TotalMilliseconds:0} ms ({run.BWaits.Count} calls); "
                + $"A {run.AGrants / Measured.TotalSeconds:0.0}/s = {100.0 * run.AGrants / (20 * Measured.TotalSeconds):0.0} % of the limit, "
                + $"{100.0 * run.AGrants / Math.Max(1, aAlone.AGrants):0.0} % of A alone; all grants {run.Grants / Measured.TotalSeconds:0.0}/s");
        }

        Assert.True(fair.Median(0.5) <= 2 * slot, $"B's median wait {fair.Median(0.5)} behind A's backlog");
        Assert.True(bulk.Median(0.5) <= 2 * slot, $"B's median wait {bulk.Median(0.5)} behind A's bulk backlog");
        Assert.True(fifo.Median(0.5) >= TimeSpan.FromSeconds(10), "first-come-first-served should queue B behind A's backlog");
        Assert.True(fair.AGrants >= 0.95 * aAlone.AGrants, $"A got {fair.AGrants} permits beside B, {aAlone.AGrants} alone");
        Assert.True(fair.Grants >= 0.99 * aAlone.Grants, "fair queuing left permits unused");
    }

    private static readonly TimeSpan Measured = TimeSpan.FromSeconds(60);

    // A's bulk sync and B's interactive calls on one scaled-down egress; waits and grants counted after 10 s, when
    // the answers' jitter has spread the permits over the window as TE's varied answer times do.
    private static ScenarioRun Run(string? aTenant, TeRequestPriority aPriority, string? bTenant, bool withA, bool withB)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
        var start = time.GetUtcNow();
        var simulation = new LimiterSimulation(new TeRequestRateLimiter(20, Second, time), time);
        var random = new Random(7);
        var from = start + TimeSpan.FromSeconds(10);
        var until = from + Measured;
        var nextA = start;
        var nextB = start + TimeSpan.FromSeconds(0.37);
        var bCalls = new List<LimiterSimulation.Call>();
        var aCalls = new HashSet<LimiterSimulation.Call>();
        while (time.GetUtcNow() < until)
        {
            var now = time.GetUtcNow();
            for (; withA && nextA <= now; nextA += TimeSpan.FromMilliseconds(25))
            {
                aCalls.Add(simulation.Start(aTenant, aPriority, TimeSpan.FromMilliseconds(random.Next(10, 190))));
            }

            if (withB && nextB <= now)
            {
                bCalls.Add(simulation.Start(bTenant, latency: TimeSpan.FromMilliseconds(100)));
                nextB += TimeSpan.FromSeconds(2);
            }

            simulation.Step(TimeSpan.FromMilliseconds(5));
        }

        var measured = simulation.Served.Where(c => c.GrantedAt >= from && c.GrantedAt < until).ToList();
        return new ScenarioRun(
            bCalls.Where(c => c.Issued >= from && c.GrantedAt is not null).Select(c => c.Wait).Order().ToList(),
            measured.Count(aCalls.Contains),
            measured.Count);
    }

    private sealed record ScenarioRun(List<TimeSpan> BWaits, int AGrants, int Grants)
    {
        public TimeSpan Median(double quantile) => BWaits.Count == 0 ? TimeSpan.Zero : BWaits[(int)Math.Ceiling(quantile * BWaits.Count) - 1];
    }

    [Fact]
    public async Task The_handler_queues_a_request_as_its_traffic_says_and_token_requests_first()
    {
        using var limiter = new TeRequestRateLimiter(1, Second, _time);
        limiter.AttemptAcquire().Dispose();
        var arrived = new List<string>();
        using var api = new HttpMessageInvoker(new RateLimitHandler(limiter, _time, Second) { InnerHandler = new Recorder(arrived) });
        using var token = new HttpMessageInvoker(new RateLimitHandler(limiter, _time, Second, pauseOn429: false) { InnerHandler = new Recorder(arrived) });

        HttpRequestMessage Request(string name, TeTraffic? traffic = null)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, $"https://te.example/{name}");
            if (traffic is { } value)
            {
                request.Options.Set(TeTraffic.Key, value);
            }

            return request;
        }

        var sent = new List<Task<HttpResponseMessage>>
        {
            api.SendAsync(Request("a1", new TeTraffic("A", TeRequestPriority.Normal)), default),
            api.SendAsync(Request("a2", new TeTraffic("A", TeRequestPriority.Normal)), default),
            api.SendAsync(Request("bulk", new TeTraffic("B", TeRequestPriority.Bulk)), default),
            api.SendAsync(Request("none"), default),
            token.SendAsync(Request("token", new TeTraffic("A", TeRequestPriority.Bulk)), default),
        };
        for (var i = 1; i <= sent.Count; i++)
        {
            _time.Advance(Second);
            await Eventually.TrueAsync(() => { lock (arrived) { return arrived.Count == i; } });

            // The permit is logged when the answer is back through the handler (its lease disposed): only then may the
            // clock move on, or a loaded machine would log it a second late and hold the next request a window more.
            await Eventually.TrueAsync(() => sent.Count(t => t.IsCompleted) == i);
        }

        await Task.WhenAll(sent);
        Assert.Equal(["token", "a1", "none", "a2", "bulk"], arrived);
    }

    [Fact]
    public async Task An_uncontended_acquire_allocates_only_its_lease()
    {
        using var limiter = new TeRequestRateLimiter(1_000_000, Second, _time);
        var traffic = new TeTraffic("A", TeRequestPriority.Normal);
        for (var i = 0; i < 2000; i++)
        {
            (await limiter.AcquireAsync(1, null, traffic, default)).Dispose();
        }

        _time.Advance(2 * Second);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            (await limiter.AcquireAsync(1, null, traffic, default)).Dispose();
        }

        var perAcquire = (GC.GetAllocatedBytesForCurrentThread() - before) / 1000.0;
        output.WriteLine($"{perAcquire} bytes per uncontended acquire");
        Assert.True(perAcquire <= 64, $"{perAcquire} bytes per uncontended acquire");
    }

    private sealed class Recorder(List<string> arrived) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (arrived)
            {
                arrived.Add(request.RequestUri!.AbsolutePath.TrimStart('/'));
            }

            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK));
        }
    }
}
