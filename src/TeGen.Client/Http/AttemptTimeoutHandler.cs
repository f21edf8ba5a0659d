namespace TeGen.Client.Http;

/// <summary>
/// Bounds one attempt (<see cref="TransportOptions.AttemptTimeout"/>), headers and body (the body is read by
/// <see cref="ResponseBodyHandler"/> inside it), measured from the moment it goes to the network — after any wait for a
/// rate-limit permit — on the client's <see cref="TimeProvider"/>. A timeout is a <see cref="TotalExpertTimeoutException"/>.
/// A call made in a <see cref="TotalExpertCallOptions"/> scope with an <see cref="TotalExpertCallOptions.AttemptTimeout"/>
/// has its attempts (and a token request made for it) bounded by that instead.
/// </summary>
internal sealed class AttemptTimeoutHandler(TimeSpan defaultTimeout, TimeProvider time) : TeDelegatingHandler
{
    // On the system clock an attempt borrows a source whose timer is already made: a source that never fired is reset
    // (TryReset also stops its timer and drops what was registered on it) and kept for the next attempt, so the common
    // attempt allocates no source and no timer. One is kept; concurrent attempts beyond it make their own.
    private CancellationTokenSource? _spare;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var timeout = TotalExpertCallOptions.Current?.AttemptTimeout ?? defaultTimeout;
        if (timeout == Timeout.InfiniteTimeSpan)
        {
            return base.SendAsync(request, cancellationToken);
        }

        if (!ReferenceEquals(time, TimeProvider.System))
        {
            return SendOnClockAsync(request, timeout, cancellationToken);
        }

        var source = Interlocked.Exchange(ref _spare, null) ?? new CancellationTokenSource();
        source.CancelAfter(timeout);

        // The caller's cancellation reaches the attempt through the borrowed source (a token that cannot be cancelled,
        // the usual case, needs nothing registered).
        var link = cancellationToken.CanBeCanceled
            ? cancellationToken.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), source)
            : default;
        var sent = SendInnerAsync(request, source.Token);

        // An answer that has already arrived ends the attempt here, without a task or async state of this handler's own.
        if (sent.IsCompletedSuccessfully)
        {
            Release(source, link);
            return sent;
        }

        return AwaitAsync(request, timeout, sent, source, link, cancellationToken);
    }

    private async Task<HttpResponseMessage> AwaitAsync(HttpRequestMessage request, TimeSpan timeout, Task<HttpResponseMessage> sent, CancellationTokenSource source, CancellationTokenRegistration link, CancellationToken cancellationToken)
    {
        try
        {
            return await sent.ConfigureAwait(false);
        }
        catch (Exception e) when (TimedOut(e, source, cancellationToken))
        {
            throw new TotalExpertTimeoutException(request, timeout, e);
        }
        finally
        {
            Release(source, link);
        }
    }

    private void Release(CancellationTokenSource source, CancellationTokenRegistration link)
    {
        link.Dispose();
        if (!source.TryReset() || Interlocked.CompareExchange(ref _spare, source, null) is not null)
        {
            source.Dispose();
        }
    }

    // Any other clock (a FakeTimeProvider in tests) needs a source of its own driven by that clock.
    private async Task<HttpResponseMessage> SendOnClockAsync(HttpRequestMessage request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            return await base.SendAsync(request, linked.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (TimedOut(e, linked, cancellationToken))
        {
            throw new TotalExpertTimeoutException(request, timeout, e);
        }
    }

    // The attempt's own deadline cancelled it, not the caller: what broke off is a timeout.
    private static bool TimedOut(Exception e, CancellationTokenSource attempt, CancellationToken caller) =>
        e is OperationCanceledException or HttpRequestException or IOException or TotalExpertTransportException
        && attempt.IsCancellationRequested && !caller.IsCancellationRequested;
}
