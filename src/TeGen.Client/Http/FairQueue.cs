namespace TeGen.Client.Http;

/// <summary>
/// The callers waiting for permits of a <see cref="TeRequestRateLimiter"/>, in the order they are to be served: by
/// class first (token requests, then <see cref="TeRequestPriority.Normal"/>, then <see cref="TeRequestPriority.Bulk"/>),
/// and within a class by weighted fair share among tenants. Not thread-safe: the limiter guards it with its lock.
/// </summary>
/// <remarks>
/// Within a class this is self-clocked fair queuing. Each tenant with waiters is a flow, served first-come-first-served,
/// and only a flow's head carries a tag: the virtual time at which it would be done were every backlogged tenant served
/// in proportion to its weight, <c>start + permits / weight</c>, its start being the later of the class's virtual time
/// (the tag served last) and the tag the flow had served last. The smallest tag goes next, ties in tagging order. A
/// tenant with a thousand requests queued holds one tag, not a thousand, so a tenant arriving later starts at the
/// current virtual time and interleaves with that backlog instead of queuing behind it. A flow is dropped when it
/// empties: the tag it had served last is then never ahead of the virtual time, so dropping it loses nothing.
/// </remarks>
internal sealed class FairQueue
{
    private const int TokenClass = 0;
    private const int NormalClass = 1;
    private const int BulkClass = 2;

    private readonly Lane[] _lanes = [new(), new(), new()];

    // Only tenants given a weight other than the default 1.
    private readonly Dictionary<string, double> _weights = new(StringComparer.Ordinal);

    /// <summary>Waiters queued.</summary>
    public int Count { get; private set; }

    /// <summary>Permits the waiters queued ask for.</summary>
    public int Permits { get; private set; }

    /// <summary>Sets a tenant's weight; waiters it has queued keep their place, its next ones are tagged with it.</summary>
    public void SetWeight(string tenant, double weight)
    {
        if (weight == 1)
        {
            _weights.Remove(tenant);
        }
        else
        {
            _weights[tenant] = weight;
        }

        foreach (var lane in _lanes)
        {
            if (lane.Flows.TryGetValue(tenant, out var flow))
            {
                flow.Weight = weight;
            }
        }
    }

    public void Enqueue(Entry entry)
    {
        var lane = _lanes[ClassOf(entry.Traffic)];
        var tenant = entry.Traffic.Tenant ?? string.Empty;
        if (!lane.Flows.TryGetValue(tenant, out var flow))
        {
            flow = new Flow(tenant, WeightOf(tenant));
            lane.Flows.Add(tenant, flow);
        }

        entry.Flow = flow;
        entry.Previous = flow.Tail;
        if (flow.Tail is null)
        {
            flow.Head = entry;
            Tag(lane, flow);
        }
        else
        {
            flow.Tail.Next = entry;
        }

        flow.Tail = entry;
        Count++;
        Permits += entry.Permits;
        flow.Permits += entry.Permits;
        lane.Permits += entry.Permits;
    }

    /// <summary>The waiter to serve next, if any.</summary>
    public Entry? Peek()
    {
        foreach (var lane in _lanes)
        {
            Flow? next = null;
            foreach (var flow in lane.Flows.Values)
            {
                if (next is null || flow.HeadTag < next.HeadTag || (flow.HeadTag == next.HeadTag && flow.HeadOrder < next.HeadOrder))
                {
                    next = flow;
                }
            }

            if (next is not null)
            {
                return next.Head;
            }
        }

        return null;
    }

    /// <summary>
    /// Takes a waiter out of the queue. <paramref name="served"/>: it was granted (it is then the one
    /// <see cref="Peek"/> returned), so its tag becomes its class's virtual time; otherwise it gave up or was refused.
    /// </summary>
    public void Remove(Entry entry, bool served)
    {
        var flow = entry.Flow ?? throw new InvalidOperationException("The waiter is not queued.");
        var lane = _lanes[ClassOf(entry.Traffic)];
        var wasHead = flow.Head == entry;
        if (served)
        {
            lane.Clock = Math.Max(lane.Clock, flow.HeadTag);
            flow.LastTag = flow.HeadTag;
        }

        if (entry.Previous is null)
        {
            flow.Head = entry.Next;
        }
        else
        {
            entry.Previous.Next = entry.Next;
        }

        if (entry.Next is null)
        {
            flow.Tail = entry.Previous;
        }
        else
        {
            entry.Next.Previous = entry.Previous;
        }

        entry.Flow = null;
        entry.Previous = entry.Next = null;
        Count--;
        Permits -= entry.Permits;
        flow.Permits -= entry.Permits;
        lane.Permits -= entry.Permits;
        if (flow.Head is null)
        {
            lane.Flows.Remove(flow.Tenant);
        }
        else if (wasHead)
        {
            Tag(lane, flow);
        }
    }

    /// <summary>
    /// Permits that would be served before a newcomer of the given traffic if nobody else arrived: every waiter of a
    /// higher class, its tenant's own queue, and of each other tenant of its class the permits tagged before its own.
    /// </summary>
    public long PermitsAhead(TeTraffic traffic, int permits)
    {
        var @class = ClassOf(traffic);
        long ahead = 0;
        for (var higher = 0; higher < @class; higher++)
        {
            ahead += _lanes[higher].Permits;
        }

        var lane = _lanes[@class];
        var tenant = traffic.Tenant ?? string.Empty;
        double tag;
        if (lane.Flows.TryGetValue(tenant, out var own))
        {
            ahead += own.Permits;
            tag = own.HeadTag + ((own.Permits - own.Head!.Permits + permits) / own.Weight);
        }
        else
        {
            tag = lane.Clock + (permits / WeightOf(tenant));
        }

        foreach (var flow in lane.Flows.Values)
        {
            if (flow != own && flow.HeadTag <= tag)
            {
                // The head, then one permit per 1/weight of virtual time up to the newcomer's tag.
                ahead += Math.Min(flow.Permits, flow.Head!.Permits + (long)((tag - flow.HeadTag) * flow.Weight));
            }
        }

        return ahead;
    }

    private static int ClassOf(TeTraffic traffic) =>
        traffic.IsTokenRequest ? TokenClass : traffic.Priority == TeRequestPriority.Bulk ? BulkClass : NormalClass;

    private static void Tag(Lane lane, Flow flow)
    {
        flow.HeadTag = Math.Max(lane.Clock, flow.LastTag) + (flow.Head!.Permits / flow.Weight);
        flow.HeadOrder = lane.Tagged++;
    }

    private double WeightOf(string tenant) => _weights.TryGetValue(tenant, out var weight) ? weight : 1;

    /// <summary>A waiting caller, linked into its tenant's flow while queued.</summary>
    /// <param name="permits">Permits it asks for.</param>
    /// <param name="traffic">Its tenant and class.</param>
    internal abstract class Entry(int permits, TeTraffic traffic)
    {
        public int Permits { get; } = permits;

        public TeTraffic Traffic { get; } = traffic;

        public bool IsQueued => Flow is not null;

        internal Flow? Flow { get; set; }

        internal Entry? Previous { get; set; }

        internal Entry? Next { get; set; }
    }

    // A tenant's waiters in one class, oldest first.
    internal sealed class Flow(string tenant, double weight)
    {
        public string Tenant { get; } = tenant;

        public double Weight { get; set; } = weight;

        public Entry? Head { get; set; }

        public Entry? Tail { get; set; }

        public int Permits { get; set; }

        public double HeadTag { get; set; }

        public long HeadOrder { get; set; }

        // The tag of the flow's entry served last.
        public double LastTag { get; set; }
    }

    private sealed class Lane
    {
        public Dictionary<string, Flow> Flows { get; } = new(StringComparer.Ordinal);

        // Virtual time: the tag of the entry served last.
        public double Clock { get; set; }

        public long Tagged { get; set; }

        public int Permits { get; set; }
    }
}
