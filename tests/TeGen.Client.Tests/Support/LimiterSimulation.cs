using System.Threading.RateLimiting;
using Microsoft.Extensions.Time.Testing;
using TeGen.Client.Http;

namespace TeGen.Client.Tests.Support;

/// <summary>
/// Callers of a <see cref="TeRequestRateLimiter"/> on a fake clock, driven one step at a time on the test's thread: the
/// limiter grants inside <see cref="FakeTimeProvider.Advance"/>, and each granted lease is answered (disposed) after
/// its caller's latency, as TE's answer would arrive. Nothing runs behind the test's back, so runs are deterministic.
/// </summary>
internal sealed class LimiterSimulation
{
    private readonly List<Call> _waiting = [];
    private readonly List<Call> _answering = [];

    public LimiterSimulation(TeRequestRateLimiter limiter, FakeTimeProvider time)
    {
        Limiter = limiter;
        Time = time;
        limiter.Granted = at => Grants.Add(at);
    }

    public TeRequestRateLimiter Limiter { get; }

    public FakeTimeProvider Time { get; }

    /// <summary>Every grant's clock time, as the limiter made it.</summary>
    public List<DateTimeOffset> Grants { get; } = [];

    /// <summary>Calls granted, in the order they were seen granted.</summary>
    public List<Call> Served { get; } = [];

    /// <summary>Calls refused (deadline) or cancelled.</summary>
    public List<Call> Failed { get; } = [];

    public int Outstanding => _waiting.Count + _answering.Count;

    public Call Start(string? tenant, TeRequestPriority priority = TeRequestPriority.Normal, TimeSpan latency = default, DateTimeOffset? deadline = null, CancellationToken cancellationToken = default) =>
        Start(new TeTraffic(tenant, priority), latency, deadline, cancellationToken);

    public Call Start(TeTraffic traffic, TimeSpan latency = default, DateTimeOffset? deadline = null, CancellationToken cancellationToken = default)
    {
        var call = new Call(traffic, Time.GetUtcNow(), latency, Limiter.AcquireAsync(1, deadline, traffic, cancellationToken).AsTask());
        _waiting.Add(call);
        Settle();
        return call;
    }

    /// <summary>Queues <paramref name="count"/> calls of one tenant and class, answered at once.</summary>
    public void StartMany(int count, string? tenant, TeRequestPriority priority = TeRequestPriority.Normal)
    {
        for (var i = 0; i < count; i++)
        {
            Start(tenant, priority);
        }
    }

    /// <summary>Moves the clock (<paramref name="times"/> steps) and settles what each move granted, answered or refused.</summary>
    public void Step(TimeSpan step, int times = 1)
    {
        for (var i = 0; i < times; i++)
        {
            Time.Advance(step);
            Settle();
        }
    }

    /// <summary>Settles calls completed meanwhile (a cancellation, say) without moving the clock.</summary>
    public void Settle()
    {
        var now = Time.GetUtcNow();
        foreach (var call in _answering.Where(c => c.AnsweredAt <= now).ToList())
        {
            _answering.Remove(call);
            call.Lease!.Dispose();
        }

        foreach (var call in _waiting.Where(c => c.Acquiring.IsCompleted).ToList())
        {
            _waiting.Remove(call);
            if (call.Acquiring.IsCompletedSuccessfully && call.Acquiring.Result.IsAcquired)
            {
                call.Lease = call.Acquiring.Result;
                call.GrantedAt = now;
                Served.Add(call);
                if (call.Latency == default)
                {
                    call.Lease.Dispose();
                }
                else
                {
                    _answering.Add(call);
                }
            }
            else
            {
                Failed.Add(call);
            }
        }
    }

    /// <summary>Tenants of the calls served, in order: "A", "B", ...; the default tenant is "".</summary>
    public string ServedOrder(int skip = 0) => string.Concat(Served.Skip(skip).Select(c => c.Traffic.IsTokenRequest ? "T" : c.Traffic.Tenant ?? ""));

    internal sealed class Call(TeTraffic traffic, DateTimeOffset issued, TimeSpan latency, Task<RateLimitLease> acquiring)
    {
        public TeTraffic Traffic { get; } = traffic;

        public DateTimeOffset Issued { get; } = issued;

        public TimeSpan Latency { get; } = latency;

        public Task<RateLimitLease> Acquiring { get; } = acquiring;

        public RateLimitLease? Lease { get; set; }

        /// <summary>When the simulation saw the grant: the end of the step it came in.</summary>
        public DateTimeOffset? GrantedAt { get; set; }

        public DateTimeOffset AnsweredAt => GrantedAt!.Value + Latency;

        public TimeSpan Wait => GrantedAt!.Value - Issued;
    }
}
