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
    // On the system clock one shared timer watches every attempt's deadline (see AttemptWatch).
    private readonly AttemptWatch _watch = new();

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

        var attempt = _watch.Start(timeout, cancellationToken);
        var sent = SendInnerAsync(request, attempt.Token);

        // An answer that has already arrived ends the attempt here, without a task or async state of this handler's own.
        if (sent.IsCompletedSuccessfully)
        {
            _watch.Finish(attempt);
            return sent;
        }

        return AwaitAsync(request, timeout, sent, attempt, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _watch.Dispose();
        }

        base.Dispose(disposing);
    }

    private async Task<HttpResponseMessage> AwaitAsync(HttpRequestMessage request, TimeSpan timeout, Task<HttpResponseMessage> sent, AttemptWatch.Attempt attempt, CancellationToken cancellationToken)
    {
        try
        {
            return await sent.ConfigureAwait(false);
        }
        catch (Exception e) when (TimedOut(e, attempt, cancellationToken))
        {
            throw new TotalExpertTimeoutException(request, timeout, e);
        }
        finally
        {
            _watch.Finish(attempt);
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
