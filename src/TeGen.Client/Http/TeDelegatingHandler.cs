namespace TeGen.Client.Http;

/// <summary>
/// Base of the SDK's handlers that let an answer which has already arrived pass without a task of their own: in memory,
/// or with a cache in front of the socket, nearly every call completes synchronously, and an <c>async</c> handler would
/// allocate a task per level for it. Such a handler starts the inner send with <see cref="SendInnerAsync"/>, returns
/// the inner task itself when it completed with an answer the handler accepts, and awaits it on a slow path otherwise.
/// </summary>
internal abstract class TeDelegatingHandler : DelegatingHandler
{
    /// <summary>
    /// The inner send as a task, even when the inner handler throws instead of returning a faulted task (a non-async
    /// handler of the caller's, a disposed socket handler): the slow path then sees the failure as an awaited one would.
    /// </summary>
    protected Task<HttpResponseMessage> SendInnerAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return base.SendAsync(request, cancellationToken);
        }
        catch (Exception e)
        {
            return Task.FromException<HttpResponseMessage>(e);
        }
    }
}
