using System.Net;
using System.Net.Http.Headers;

namespace TeGen.Benchmarks.Canned;

/// <summary>
/// The canned server without the network: an innermost HTTP handler that reads the request body (as a socket would)
/// and answers from <see cref="CannedRoutes"/>. With it a benchmark measures only what happens inside the client
/// process, free of loopback and server scheduling noise.
/// </summary>
public sealed class CannedHandler : HttpMessageHandler
{
    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is { } content)
        {
            await content.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
        }

        var (status, body) = CannedRoutes.Answer(request.Method.Method, request.RequestUri?.AbsolutePath ?? "");
        return new HttpResponseMessage((HttpStatusCode)status)
        {
            RequestMessage = request,
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
    }
}
