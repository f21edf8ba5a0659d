using TeGen.Client.Http;
using TeGen.Client.Redis.Tests.Support;
using TeGen.Sandbox;

namespace TeGen.Client.Redis.Tests;

/// <summary>
/// Redis dies while three processes (three connections, each with its own Redis connection) call the sandbox at its
/// limit, then comes back: they carry on at the conservative share with no 429, warn once each, and share again — also
/// when one process's connection comes back windows after the others'.
/// </summary>
public class FallbackTests
{
    // TE's 1000 per minute scaled to 60 per 2 s, with a margin of 0.2 s.
    private const int Limit = 60;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(2);

    [Theory]
    [MemberData(nameof(RestartableRedis.Backends), MemberType = typeof(RestartableRedis))]
    public async Task A_killed_Redis_leaves_each_process_its_share_without_a_429_and_sharing_resumes_when_it_returns(string backend)
    {
        using var redis = RestartableRedis.For(backend);
        var served = await UnderLoadAsync([redis.Endpoint, redis.Endpoint, redis.Endpoint], async (processes, mark) =>
        {
            Assert.All(processes, p => Assert.False(p.Limiter.IsDegraded));

            mark("Redis killed");
            redis.Kill();
            await Task.Delay(TimeSpan.FromSeconds(1));
            var atOutage = processes.Sum(p => p.Calls);
            await Task.Delay(TimeSpan.FromSeconds(5));
            Assert.All(processes, p => Assert.True(p.Limiter.IsDegraded));
            // min(FallbackShare 0.25, 1 / 3 processes seen) of 60, after a window's pause.
            Assert.All(processes, p => Assert.Equal(15, p.Limiter.Shared!.FallbackLimit));
            Assert.InRange(processes.Sum(p => p.Calls) - atOutage, 1, 3 * 15 * 3);

            redis.Restart();
            mark("Redis restarted");
            await WaitUntil(() => processes.All(p => !p.Limiter.IsDegraded), TimeSpan.FromSeconds(15), "the processes to return to the shared log");
            var atReturn = processes.Sum(p => p.Calls);
            await Task.Delay(TimeSpan.FromSeconds(3));
            Assert.True(processes.Sum(p => p.Calls) > atReturn);
        });

        Assert.All(served, p => Assert.True(p.Log.Warnings.Count(w => w.Contains("unreachable", StringComparison.Ordinal)) == 1, string.Join("\n", p.Log.Warnings)));
    }

    [Theory]
    [MemberData(nameof(RestartableRedis.Backends), MemberType = typeof(RestartableRedis))]
    public async Task A_process_whose_connection_returns_windows_late_stays_on_its_share_and_the_others_keep_it_free_without_a_429(string backend)
    {
        using var redis = RestartableRedis.For(backend);
        using var relay = new CuttableRelay(redis.Endpoint);
        await UnderLoadAsync([redis.Endpoint, redis.Endpoint, relay.Endpoint], async (processes, mark) =>
        {
            var late = processes[2];
            mark("Redis killed, process 2 cut off");
            redis.Kill();
            relay.Cut();
            await WaitUntil(() => processes.All(p => p.Limiter.IsDegraded), TimeSpan.FromSeconds(10), "every process to fall back");
            redis.Restart();
            mark("Redis restarted");
            await WaitUntil(() => processes.Take(2).All(p => !p.Limiter.IsDegraded), TimeSpan.FromSeconds(15), "processes 0 and 1 to return to the shared log");

            // Three windows with two processes on the log and the third on its share, unseen by the log.
            await Task.Delay(3 * Window);
            Assert.True(late.Limiter.IsDegraded);
            relay.Restore();
            mark("process 2 reconnects");
            await WaitUntil(() => !late.Limiter.IsDegraded, TimeSpan.FromSeconds(15), "process 2 to return to the shared log");
            var atReturn = late.Calls;
            await Task.Delay(Window);
            Assert.True(late.Calls > atReturn);
        });
    }

    [Fact]
    public async Task A_call_that_needs_a_token_while_Redis_is_down_fails_and_sends_nothing()
    {
        using var garnet = GarnetHost.Start();
        garnet.Stop();
        await using var sandbox = await TeSandbox.StartAsync();
        using var coordination = RedisCoordination.Connect(new RedisCoordinationOptions { ConnectionString = garnet.Endpoint });
        using var connection = new TotalExpertConnection(
            new TotalExpertClientOptions { BaseUrl = sandbox.BaseUrl, ClientId = sandbox.ClientId, ClientSecret = sandbox.ClientSecret },
            coordination.TokenStore,
            rateLimiters: coordination.CreateRateLimiters());

        await Assert.ThrowsAsync<TeCoordinationUnavailableException>(() => connection.CreateAdminClient().Contacts.ListContactsAsync(1, 1, null, null));

        Assert.Equal(0, sandbox.Inspector.GetRequestStats().TotalRequests);
    }

    // One process per endpoint calls the sandbox at its limit until the scenario ends (the scenario marks its events for the
    // timeline); then no process may have failed or met a 429, and no window of the sandbox may hold more than its limit.
    private static async Task<List<Process>> UnderLoadAsync(string[] endpoints, Func<List<Process>, Action<string>, Task> scenario)
    {
        await using var sandbox = await TeSandbox.StartAsync(new TeSandboxOptions { RateLimits = { RequestLimit = Limit, RequestWindow = Window }, RequestLogCapacity = 10_000 });
        var prefix = RedisBackends.Prefix();
        var processes = endpoints.Select((endpoint, i) => new Process(sandbox, i, endpoint, prefix)).ToList();
        using var stop = new CancellationTokenSource();
        var load = processes.Select(p => p.CallUntilAsync(stop.Token)).ToList();
        var events = new List<(DateTimeOffset At, string What)>();
        try
        {
            // Shared permits go to whichever process asks first: all are served within a few windows.
            await WaitUntil(() => processes.All(p => p.Calls > 0), TimeSpan.FromSeconds(20), "every process to be served");
            await scenario(processes, what => events.Add((DateTimeOffset.UtcNow, what)));
        }
        finally
        {
            stop.Cancel();
            await Task.WhenAll(load);
            processes.ForEach(p => p.Dispose());
        }

        Assert.All(processes, p => Assert.Empty(p.Errors));
        Assert.True(sandbox.Inspector.GetRequestStats().TooManyRequests == 0, Timeline(sandbox, processes, events));
        Assert.InRange(SandboxWindows.Busiest(sandbox, Window), 1, Limit);
        return processes;
    }

    // What the sandbox answered per window of its limit, between the test's and the processes' own events, and in a
    // window with 429s who sent what per tenth of it: read when 429s appear.
    private static string Timeline(TeSandbox sandbox, List<Process> processes, List<(DateTimeOffset At, string What)> events)
    {
        var requests = sandbox.Inspector.GetRequestStats().Recent.Where(r => !r.Path.StartsWith("/_sandbox", StringComparison.Ordinal)).ToList();
        string[] paths = ["/v1/contacts", "/v1/contact-groups", "/v1/users"];
        static DateTimeOffset Start(long slot, TimeSpan length) => new(DateTimeOffset.UnixEpoch.Ticks + (slot * length.Ticks), TimeSpan.Zero);
        string Senders(IEnumerable<TeGen.Sandbox.Inspection.RequestLogEntry> slot) =>
            string.Join(", ", slot.GroupBy(r => Array.IndexOf(paths, r.Path)).OrderBy(g => g.Key).Select(g => $"p{g.Key} {g.Count()}"))
            + $" ({slot.Count(r => r.Status == 429)} x 429)";
        var windows = requests
            .GroupBy(r => (r.Timestamp - DateTimeOffset.UnixEpoch).Ticks / Window.Ticks)
            .SelectMany(g => new[] { (At: Start(g.Key, Window), What: $"window: {g.Count(r => r.Status != 429)} answered, {g.Count(r => r.Status == 429)} x 429") }
                .Concat(g.Any(r => r.Status == 429)
                    ? g.GroupBy(r => (r.Timestamp - DateTimeOffset.UnixEpoch).Ticks / (Window.Ticks / 10)).Select(t => (At: Start(t.Key, Window / 10), What: "  " + Senders(t)))
                    : []));
        var lines = windows
            .Concat(events)
            .Concat(processes.SelectMany((p, i) => p.Log.Entries.Select(e => (e.At, What: $"process {i}: {e.Message}"))))
            .OrderBy(e => e.At)
            .Select(e => $"{e.At:HH:mm:ss.fff} {e.What}");
        return "429s from the sandbox:\n" + string.Join("\n", lines);
    }

    private static async Task WaitUntil(Func<bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (!condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"waited in vain for {what}");
            await Task.Delay(100);
        }
    }

    private sealed class Process : IDisposable
    {
        private readonly RedisCoordination _coordination;
        private readonly TotalExpertConnection _connection;
        private readonly int _index;
        private int _calls;

        // Each process lists its own resource, so that the sandbox's log tells whose request it was.
        public Process(TeSandbox sandbox, int index, string endpoint, string prefix)
        {
            _index = index;
            _coordination = RedisCoordination.Connect(new RedisCoordinationOptions
            {
                ConnectionString = endpoint,
                KeyPrefix = prefix,
                ProbeInterval = TimeSpan.FromMilliseconds(200),
                // A dead server refuses connections at once; a generous timeout keeps a busy test machine from looking like an outage.
                OperationTimeout = TimeSpan.FromSeconds(3),
            });
            _connection = new TotalExpertConnection(
                new TotalExpertClientOptions
                {
                    BaseUrl = sandbox.BaseUrl,
                    ClientId = sandbox.ClientId,
                    ClientSecret = sandbox.ClientSecret,
                    RateLimit = new RateLimitHandlerOptions { RequestsPerWindow = Limit, Window = Window, SafetyMargin = TimeSpan.FromMilliseconds(200) },
                },
                _coordination.TokenStore,
                loggerFactory: Log.Factory(),
                rateLimiters: _coordination.CreateRateLimiters(Log.Factory()));
        }

        public WarningLog Log { get; } = new();

        public List<string> Errors { get; } = [];

        public int Calls => Volatile.Read(ref _calls);

        public TeRequestRateLimiter Limiter => _connection.RateLimiter;

        public async Task CallUntilAsync(CancellationToken stop)
        {
            var admin = _connection.CreateAdminClient();
            await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
            {
                while (!stop.IsCancellationRequested)
                {
                    try
                    {
                        await (_index switch
                        {
                            0 => admin.Contacts.ListContactsAsync(1, 1, null, null, stop),
                            1 => admin.ContactGroups.ListContactGroupsAsync(1, 1, null, null, stop),
                            _ => (Task)admin.Users.ListUsersAsync(1, 1, null, null, stop),
                        });
                        Interlocked.Increment(ref _calls);
                    }
                    catch (OperationCanceledException) when (stop.IsCancellationRequested)
                    {
                    }
                    catch (Exception e)
                    {
                        lock (Errors)
                        {
                            Errors.Add($"{e.GetType().Name}: {e.Message}");
                        }
                    }
                }
            }));
        }

        public void Dispose()
        {
            _connection.Dispose();
            _coordination.Dispose();
        }
    }
}
