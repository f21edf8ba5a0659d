namespace TeGen.Client.Http;

/// <summary>
/// Per-call bookkeeping shared by the handlers through <see cref="HttpRequestMessage.Options"/> (copies of a
/// request made for retries carry the same instance): how long the call has waited in the rate limiter's queue,
/// which does not count against <see cref="RetryHandlerOptions.MaxTotalTime"/> — a call queued behind thousands
/// of others is throttled, not failing — and how many attempts the call has made.
/// </summary>
internal sealed class CallBudget
{
    public static readonly HttpRequestOptionsKey<CallBudget> Key = new("TeGen.CallBudget");

    private long _queuedTicks;
    private int _attempts;

    public TimeSpan Queued => TimeSpan.FromTicks(Interlocked.Read(ref _queuedTicks));

    public void AddQueued(TimeSpan wait) => Interlocked.Add(ref _queuedTicks, wait.Ticks);

    /// <summary>Counts an attempt of the call; returns how many came before it (0 for the first).</summary>
    public int StartAttempt() => Interlocked.Increment(ref _attempts) - 1;

    public static CallBudget? Of(HttpRequestMessage request) =>
        request.Options.TryGetValue(Key, out var budget) ? budget : null;
}
