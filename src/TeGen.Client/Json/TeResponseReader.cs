using System.Text.Json;
using TeGen.Client.Http;

namespace TeGen.Client.Json;

/// <summary>
/// Reads the body of every answer the generated clients accept (the TE pipeline has already turned error statuses into
/// exceptions), so that an answer TE's description does not allow is one typed failure,
/// <see cref="TotalExpertProtocolException"/>, whatever went wrong: not JSON (a proxy's HTML page), JSON cut short,
/// JSON of another shape, a value no TE converter accepts, a create answer without an id, or <c>null</c>.
/// </summary>
/// <remarks>
/// The exception names the operation, the status and the JSON path of the problem, never the body: TE's answers hold
/// personal data, and exception messages end up in logs. The serializer's own messages are safe to repeat (they name
/// types and positions), except those about malformed JSON, which quote the offending text and are left out.
/// </remarks>
internal static class TeResponseReader
{
    public static ValueTask<T> ReadAsync<T>(HttpResponseMessage response, JsonSerializerOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.Content is not ByteArrayContent buffered)
        {
            return new(ReadStreamAsync<T>(response, options, cancellationToken));
        }

        // The pipeline has the whole body in memory by now (ResponseBodyHandler): read it without waiting, straight from
        // the handler's buffer when it has one, so the common answer costs no task, stream or async state.
        try
        {
            if (buffered is BufferedContent own)
            {
                return new(NotNull(response, JsonSerializer.Deserialize<T>(own.Body, options)));
            }

            using var stream = buffered.ReadAsStream(cancellationToken);
            return new(NotNull(response, JsonSerializer.Deserialize<T>(stream, options)));
        }
        catch (Exception e) when (Translate<T>(response, e) is { } failure)
        {
            throw failure;
        }
    }

    private static async Task<T> ReadStreamAsync<T>(HttpResponseMessage response, JsonSerializerOptions options, CancellationToken cancellationToken)
    {
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                return NotNull(response, await JsonSerializer.DeserializeAsync<T>(stream, options, cancellationToken).ConfigureAwait(false));
            }
        }
        catch (Exception e) when (Translate<T>(response, e) is { } failure)
        {
            throw failure;
        }
    }

    // TE never answers a success with null (no response in its description is nullable).
    private static T NotNull<T>(HttpResponseMessage response, T? body) =>
        body ?? throw Protocol(response, $"the body is JSON null where {typeof(T).Name} was expected", null);

    // What a failure to read the body becomes; null for a failure that is already the right one.
    private static Exception? Translate<T>(HttpResponseMessage response, Exception e)
    {
        var request = response.RequestMessage;
        return e switch
        {
            // A syntax error's own exception (the inner one) quotes the body where it broke: it is not kept.
            JsonException json => Protocol(response, Describe(json, response.Content), IsSyntaxError(json) ? null : json),
            NotSupportedException or FormatException or OverflowException => Protocol(response, $"{typeof(T).Name} cannot be read from it ({e.GetType().Name})", e),

            // The body broke off: a transport failure, not a malformed answer.
            HttpIOException or HttpRequestException when request is not null => new TotalExpertTransportException(request, e, mayHaveBeenProcessed: true),
            _ => null,
        };
    }

    private static TotalExpertProtocolException Protocol(HttpResponseMessage response, string problem, Exception? inner) =>
        new(TotalExpertErrorDetails.OperationOf(response.RequestMessage), (int)response.StatusCode, problem, inner);

    private static string Describe(JsonException e, HttpContent content)
    {
        var reason = !IsSyntaxError(e) ? WithoutPosition(e.Message)
            : content.Headers.ContentLength == 0 ? "the body is empty"
            : "the body is not valid JSON (malformed or cut short)";
        var mediaType = content.Headers.ContentType?.MediaType;
        if (mediaType is not null && !mediaType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            reason += $"; it is {mediaType}";
        }

        var position = e.LineNumber is { } line ? $" (line {line + 1}, byte {e.BytePositionInLine + 1})" : "";
        return $"{reason}, at {e.Path ?? "$"}{position}";
    }

    // The serializer wraps the reader's syntax errors in a second JsonException; their messages quote the body.
    private static bool IsSyntaxError(JsonException e) => e.InnerException is JsonException;

    // The serializer appends "Path: ... | LineNumber: ... | BytePositionInLine: ..."; the position is reported once, above.
    private static string WithoutPosition(string message)
    {
        var at = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return (at < 0 ? message : message[..at]).TrimEnd('.');
    }
}
