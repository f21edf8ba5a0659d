using System.Buffers;
using System.Net;

namespace TeGen.Client.Http;

/// <summary>
/// The innermost SDK handler, inside the attempt timeout: reads TE's whole answer there, so a body that stalls after
/// the headers is bounded by <see cref="TransportOptions.AttemptTimeout"/> like the headers are, and a body that
/// breaks off is a transport failure the retry policy sees. Success bodies are read up to
/// <see cref="TransportOptions.MaxResponseBytes"/>; error bodies only up to their first
/// <see cref="ErrorBodyBytes"/> (a 50 MB proxy page must not cost 50 MB). Redirects are refused, never followed.
/// </summary>
internal sealed class ResponseBodyHandler(long maxResponseBytes) : TeDelegatingHandler
{
    /// <summary>How much of an error answer is kept: TE's error JSON is a few hundred bytes.</summary>
    public const int ErrorBodyBytes = 16 * 1024;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var target = request.RequestUri;
        var sent = SendInnerAsync(request, cancellationToken);

        // A success already in memory (a handler that made it up, a cache) passes as it is: no task or async state of this
        // handler's own. Everything else is checked and read below.
        return sent.IsCompletedSuccessfully && InMemorySuccess(request, target, sent.Result) ? sent : CheckAndReadAsync(request, target, sent, cancellationToken);
    }

    private bool InMemorySuccess(HttpRequestMessage request, Uri? target, HttpResponseMessage response) =>
        !IsRedirect(response.StatusCode) && !FollowedElsewhere(target, response)
        && (response.IsSuccessStatusCode || TeOperation.Of(request)?.IsSuccess((int)response.StatusCode) == true)
        && response.Content is ByteArrayContent && response.Content.Headers.ContentLength <= maxResponseBytes;

    private async Task<HttpResponseMessage> CheckAndReadAsync(HttpRequestMessage request, Uri? target, Task<HttpResponseMessage> sent, CancellationToken cancellationToken)
    {
        var response = await sent.ConfigureAwait(false);
        try
        {
            if (IsRedirect(response.StatusCode) || FollowedElsewhere(target, response))
            {
                throw new TotalExpertRedirectException(response);
            }

            var success = response.IsSuccessStatusCode || TeOperation.Of(request)?.IsSuccess((int)response.StatusCode) == true;
            var limit = success ? maxResponseBytes : ErrorBodyBytes;
            if (success && response.Content.Headers.ContentLength > limit)
            {
                throw new TotalExpertResponseTooLargeException(request, (int)response.StatusCode, limit);
            }

            // An answer already in memory (a handler that made it up, a cache) cannot stall or break off: keep it as is.
            if (response.Content is ByteArrayContent && response.Content.Headers.ContentLength <= limit)
            {
                return response;
            }

            var body = await ReadAsync(response.Content, limit, truncate: !success, cancellationToken).ConfigureAwait(false);
            if (body is null)
            {
                throw new TotalExpertResponseTooLargeException(request, (int)response.StatusCode, limit);
            }

            response.Content = Buffered(response.Content, body.Value, truncated: !success);
            return response;
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            response.Dispose();
            throw new TotalExpertTransportException(request, e, mayHaveBeenProcessed: true);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private static bool IsRedirect(HttpStatusCode status) => (int)status is >= 300 and < 400 and not 304;

    // A handler supplied from outside may follow redirects on its own; an answer from another host is not TE's.
    private static bool FollowedElsewhere(Uri? target, HttpResponseMessage response) =>
        target is { IsAbsoluteUri: true } && !ReferenceEquals(target, response.RequestMessage?.RequestUri) && response.RequestMessage?.RequestUri is { IsAbsoluteUri: true } final
        && Uri.Compare(target, final, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0;

    /// <summary>
    /// Reads at most <paramref name="limit"/> bytes. A longer body returns <c>null</c> (the limit is a cap) or, with
    /// <paramref name="truncate"/> (an error answer), is cut there and the rest dropped unread. With a Content-Length the
    /// body is read straight into an array of that size.
    /// </summary>
    private static async Task<ArraySegment<byte>?> ReadAsync(HttpContent content, long limit, bool truncate, CancellationToken cancellationToken)
    {
        using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        if (content.Headers.ContentLength is { } length && length <= limit)
        {
            var exact = new byte[length];
            await stream.ReadExactlyAsync(exact, cancellationToken).ConfigureAwait(false);
            return exact;
        }

        var rented = ArrayPool<byte>.Shared.Rent(4096);
        try
        {
            using var buffer = new MemoryStream();
            while (true)
            {
                var room = (int)Math.Min(rented.Length, limit + 1 - buffer.Length);
                if (room <= 0)
                {
                    break;
                }

                var read = await stream.ReadAsync(rented.AsMemory(0, room), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return new ArraySegment<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
                }

                buffer.Write(rented, 0, read);
            }

            // One byte past the limit arrived: the body is longer than allowed.
            return truncate ? new ArraySegment<byte>(buffer.GetBuffer(), 0, (int)limit) : (ArraySegment<byte>?)null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static BufferedContent Buffered(HttpContent original, ArraySegment<byte> body, bool truncated)
    {
        var copy = new BufferedContent(body);
        foreach (var (name, values) in original.Headers)
        {
            if (!(truncated && name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)))
            {
                copy.Headers.TryAddWithoutValidation(name, values);
            }
        }

        copy.Headers.ContentLength = body.Count;
        original.Dispose();
        return copy;
    }
}
