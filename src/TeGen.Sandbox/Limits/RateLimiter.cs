using TeGen.Sandbox.Replies;

namespace TeGen.Sandbox.Limits;

// TE's per-source-IP limits. Requests: fixed windows aligned on the clock (window n covers
// [n * RequestWindow, (n + 1) * RequestWindow) since the Unix epoch). Token requests: a rolling window over the
// accepted ones. See RateLimitOptions for the why.
internal sealed class RateLimiter(RateLimitOptions options, TimeProvider clock)
{
    private readonly object _gate = new();
    private readonly Dictionary<string, (long Window, int Count)> _requests = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<DateTimeOffset>> _tokens = new(StringComparer.Ordinal);

    // Null when the request may proceed, else the 429 to send.
    // The token limit is counted per source IP or per client id is counted per (the source IP, or the client id; see RateLimitOptions).
    public TeReply? Admit(string sourceIp, bool tokenRequest, string? clientId = null)
    {
        if (!options.Enabled)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        lock (_gate)
        {
            if (!tokenRequest || options.CountTokenRequestsAsRequests)
            {
                var windowTicks = Math.Max(1, options.RequestWindow.Ticks);
                var window = (now.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / windowTicks;
                var count = _requests.TryGetValue(sourceIp, out var current) && current.Window == window ? current.Count + 1 : 1;
                _requests[sourceIp] = (window, count);
                if (count > options.RequestLimit)
                {
                    var windowEnd = DateTimeOffset.UnixEpoch.AddTicks((window + 1) * windowTicks);
                    return TeErrors.TooManyRequests(Seconds(windowEnd - now),
                        $"Too many requests: the limit is {options.RequestLimit} per {Describe(options.RequestWindow)} for each source IP").Reply;
                }
            }

            if (tokenRequest)
            {
                var counter = options.TokenRequestsCountedPer == TokenLimitCounter.ClientId ? "client:" + clientId : sourceIp;
                var accepted = _tokens.TryGetValue(counter, out var queue) ? queue : _tokens[counter] = new Queue<DateTimeOffset>();
                while (accepted.Count > 0 && accepted.Peek() + options.TokenWindow <= now)
                {
                    accepted.Dequeue();
                }

                if (accepted.Count >= options.TokenRequestLimit)
                {
                    return TeErrors.TooManyRequests(Seconds(accepted.Peek() + options.TokenWindow - now),
                        $"Too many token requests: the limit is {options.TokenRequestLimit} per {Describe(options.TokenWindow)} for each {(options.TokenRequestsCountedPer == TokenLimitCounter.ClientId ? "client" : "source IP")}").Reply;
                }

                accepted.Enqueue(now);
            }
        }

        return null;
    }

    public void Clear()
    {
        lock (_gate)
        {
            _requests.Clear();
            _tokens.Clear();
        }
    }

    // Retry-After carries whole seconds; rounding up never invites a retry that would still be refused.
    private static int Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

    private static string Describe(TimeSpan window) => window switch
    {
        { TotalHours: 1 } => "hour",
        { TotalMinutes: 1 } => "minute",
        _ => $"{window.TotalSeconds:0.###} seconds",
    };
}
