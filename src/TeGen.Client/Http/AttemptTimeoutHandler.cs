namespace TeGen.Client.Http;

/// <summary>
/// Bounds one attempt (<see cref="TransportOptions.AttemptTimeout"/>), headers and body (the body is read by
/// <see cref="ResponseBodyHandler"/> inside it), measured from the moment it goes to the network — after any wait for a
/// rate-limit permit — on the client's <see cref="TimeProvider"/>. A timeout is a <see cref="TotalExpertTimeoutException"/>.
/// </summary>
internal sealed class AttemptTimeoutHandler(TimeSpan timeout, TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (timeout == Timeout.InfiniteTimeSpan)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        // On the system clock one linked source with CancelAfter is enough (one source, one timer per attempt);
        // any other clock (a FakeTimeProvider in tests) needs a source of its own driven by that clock.
        using var deadline = ReferenceEquals(time, TimeProvider.System) ? null : new CancellationTokenSource(timeout, time);
        using var linked = deadline is null
            ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken)
            : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        if (deadline is null)
        {
            linked.CancelAfter(timeout);
        }

        try
        {
            return await base.SendAsync(request, linked.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or HttpRequestException or IOException or TotalExpertTransportException
            && linked.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TotalExpertTimeoutException(request, timeout, e);
        }
    }
}
