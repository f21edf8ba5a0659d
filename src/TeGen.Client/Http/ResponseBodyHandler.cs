using System.Buffers;
using System.Net;

namespace TeGen.Client.Http;

/// <summary>
/// The innermost SDK handler, inside the attempt timeout: reads TE's whole answer there, so a body that stalls after
/// the headers is bounded by <see cref="TotalExpertClientOptions.AttemptTimeout"/> like the headers are, and a body that
/// breaks off is a transport failure the retry policy sees. Success bodies are read up to
/// <see cref="TotalExpertClientOptions.MaxResponseBytes"/>; error bodies only up to their first
/// <see cref="ErrorBodyBytes"/> (a 50 MB proxy page must not cost 50 MB). Redirects are refused, never followed.
/// </summary>
internal sealed class ResponseBodyHandler(long maxResponseBytes) : DelegatingHandler
{
    /// <summary>How much of an error answer is kept: TE's error JSON is a few hundred bytes.</summary>
    public const int ErrorBodyBytes = 16 * 1024;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var target = request.RequestUri;
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
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

            var body = await ReadAsync(response.Content, limit, cancellationToken).ConfigureAwait(false);
            if (body is null)
            {
                throw new TotalExpertResponseTooLargeException(request, (int)response.StatusCode, limit);
            }

            response.Content = Buffered(response.Content, body, truncated: !success);
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
        target is { IsAbsoluteUri: true } && response.RequestMessage?.RequestUri is { IsAbsoluteUri: true } final
        && Uri.Compare(target, final, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0;

    /// <summary>
    /// Reads at most <paramref name="limit"/> bytes. For a success answer (the limit being the size cap) a longer body
    /// returns <c>null</c>; for an error answer the rest is dropped unread.
    /// </summary>
    private static async Task<byte[]?> ReadAsync(HttpContent content, long limit, CancellationToken cancellationToken)
    {
        var isCap = limit != ErrorBodyBytes;
        using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var rented = ArrayPool<byte>.Shared.Rent(4096);
        try
        {
            using var buffer = new MemoryStream(content.Headers.ContentLength is { } length && length <= limit ? (int)length : 0);
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
                    return buffer.ToArray();
                }

                buffer.Write(rented, 0, read);
            }

            // One byte past the limit arrived: the body is longer than allowed.
            return isCap ? null : buffer.GetBuffer().AsSpan(0, (int)limit).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static ByteArrayContent Buffered(HttpContent original, byte[] body, bool truncated)
    {
        var copy = new ByteArrayContent(body);
        foreach (var (name, values) in original.Headers)
        {
            if (!(truncated && name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)))
            {
                copy.Headers.TryAddWithoutValidation(name, values);
            }
        }

        copy.Headers.ContentLength = body.Length;
        original.Dispose();
        return copy;
    }
}
