namespace TeGen.Quickstart;

/// <summary>
/// The innermost HTTP handler of the quickstart's connection: counts what actually went over the wire (every
/// attempt, token requests included), so the report shows what the SDK spent.
/// </summary>
public sealed class RequestCounter() : DelegatingHandler(new SocketsHttpHandler())
{
    private readonly object _gate = new();
    private readonly List<string> _sent = [];

    /// <summary>Every request sent so far, as <c>METHOD /path</c>.</summary>
    public IReadOnlyList<string> Sent
    {
        get
        {
            lock (_gate)
            {
                return [.. _sent];
            }
        }
    }

    /// <summary>Whether a logged request (<c>METHOD /path</c>) is a token request.</summary>
    /// <param name="sent">An entry of <see cref="Sent"/>.</param>
    public static bool IsTokenRequest(string sent) => sent.EndsWith("/v1/token", StringComparison.Ordinal);

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _sent.Add($"{request.Method} {request.RequestUri?.AbsolutePath}");
        }

        return base.SendAsync(request, cancellationToken);
    }
}
