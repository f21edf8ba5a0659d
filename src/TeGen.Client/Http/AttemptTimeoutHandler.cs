namespace TeGen.Client.Http;

/// <summary>
/// Bounds one attempt (<see cref="TotalExpertClientOptions.AttemptTimeout"/>), measured from the moment it goes to
/// the network — after any wait for a rate-limit permit — on the client's <see cref="TimeProvider"/>.
/// </summary>
internal sealed class AttemptTimeoutHandler(TimeSpan timeout, TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            return await base.SendAsync(request, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"TE did not answer {request.Method} {request.RequestUri?.AbsolutePath} within {timeout.TotalSeconds:0.#} s.", e);
        }
    }
}
