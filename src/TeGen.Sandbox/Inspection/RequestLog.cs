namespace TeGen.Sandbox.Inspection;

internal sealed class RequestLog(int capacity, TimeProvider clock)
{
    private readonly object _gate = new();
    private readonly Queue<RequestLogEntry> _recent = new();
    private readonly Dictionary<string, Counter> _byClient = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Counter> _byIp = new(StringComparer.Ordinal);
    private Counter _total = new();

    public DateTimeOffset Now => clock.GetUtcNow();

    public void Record(RequestLogEntry entry, bool tokenRequest)
    {
        lock (_gate)
        {
            _total = _total.Add(entry.Status, tokenRequest);
            _byIp[entry.SourceIp] = _byIp.GetValueOrDefault(entry.SourceIp).Add(entry.Status, tokenRequest);
            if (entry.ClientId is { } clientId)
            {
                _byClient[clientId] = _byClient.GetValueOrDefault(clientId).Add(entry.Status, tokenRequest);
            }

            _recent.Enqueue(entry);
            while (_recent.Count > Math.Max(0, capacity))
            {
                _recent.Dequeue();
            }
        }
    }

    public RequestStats Snapshot(int recent)
    {
        lock (_gate)
        {
            return new RequestStats(
                _total.Requests,
                _total.TokenRequests,
                _total.TooManyRequests,
                _byClient.ToDictionary(entry => entry.Key, entry => entry.Value.ToCounters(), StringComparer.Ordinal),
                _byIp.ToDictionary(entry => entry.Key, entry => entry.Value.ToCounters(), StringComparer.Ordinal),
                _recent.Skip(Math.Max(0, _recent.Count - recent)).ToArray());
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _total = new Counter();
            _byClient.Clear();
            _byIp.Clear();
            _recent.Clear();
        }
    }

    private readonly record struct Counter(long Requests, long TokenRequests, long TooManyRequests)
    {
        public Counter Add(int status, bool tokenRequest) =>
            new(Requests + 1, TokenRequests + (tokenRequest ? 1 : 0), TooManyRequests + (status == StatusCodes.Status429TooManyRequests ? 1 : 0));

        public RequestCounters ToCounters() => new(Requests, TokenRequests, TooManyRequests);
    }
}
