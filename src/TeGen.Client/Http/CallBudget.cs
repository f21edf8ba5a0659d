namespace TeGen.Client.Http;

/// <summary>
/// Per-call bookkeeping shared by the handlers through <see cref="HttpRequestMessage.Options"/> (copies of a
/// request made for retries carry the same instance): the moment the call's time budget
/// (<see cref="RetryHandlerOptions.MaxTotalTime"/>) runs out — attempts, backoff and time queued for rate-limit permits
/// all count, so no call waits behind a long pause without end — and how many attempts the call has made.
/// </summary>
internal sealed class CallBudget(DateTimeOffset deadline)
{
    public static readonly HttpRequestOptionsKey<CallBudget> Key = new("TeGen.CallBudget");

    private int _attempts;

    /// <summary>When the call's time budget runs out.</summary>
    public DateTimeOffset Deadline { get; } = deadline;

    /// <summary>Counts an attempt of the call; returns how many came before it (0 for the first).</summary>
    public int StartAttempt() => Interlocked.Increment(ref _attempts) - 1;

    /// <summary>How many attempts the call has started.</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    public static CallBudget? Of(HttpRequestMessage request) =>
        request.Options.TryGetValue(Key, out var budget) ? budget : null;
}
