using System.Text.Json;
using TeGen.Client.Http;

namespace TeGen.Client;

/// <summary>Turns a TE error response into the matching <see cref="TotalExpertApiException"/>.</summary>
internal static class TotalExpertErrors
{
    // Error bodies are small; a proxy's HTML error page need not be read whole.
    private const int MaxBodyChars = 4096;

    public static async Task<TotalExpertApiException> FromResponseAsync(
        HttpResponseMessage response, TimeProvider time, CancellationToken cancellationToken, bool keepBody = true)
    {
        var request = response.RequestMessage;
        var operation = TotalExpertErrorDetails.OperationOf(request);
        var body = await ReadStartAsync(response.Content, cancellationToken).ConfigureAwait(false);

        var (error, description) = ReadTeError(body);
        var status = (int)response.StatusCode;
        var text = description is null ? error : error is null ? description : $"{error}: {description}";
        var message = $"TE answered {status} {response.ReasonPhrase} to {operation ?? "the request"}"
            + (text is null ? "." : $": {text}");

        var details = new TotalExpertErrorDetails(
            status, message, keepBody ? body : null, Headers(response), error, description,
            RetryAfter.From(response, time), operation, RequestId(response),
            // After a 5xx TE may have stored the record before failing; a 4xx is a refusal.
            MayHaveBeenProcessed: status >= 500);

        return status switch
        {
            400 when description is not null => new TotalExpertAuthenticationException(details),
            400 or 415 or 422 => new TotalExpertValidationException(details),
            401 => new TotalExpertAuthenticationException(details),
            // TE's answer to a lead call of the family the organization does not use is undocumented; 403 is assumed.
            403 when request is not null && TeOperation.Of(request)?.LeadFamily is { } family => new TotalExpertLeadFamilyException(details, family),
            403 => new TotalExpertForbiddenException(details),
            404 => new TotalExpertNotFoundException(details),
            429 => new TotalExpertRateLimitException(details),
            >= 500 => new TotalExpertServerException(details),
            _ => new TotalExpertApiException(details),
        };
    }

    // Reads at most MaxBodyChars characters, however long the body is: a proxy's 50 MB error page is not read whole.
    private static async Task<string?> ReadStartAsync(HttpContent? content, CancellationToken cancellationToken)
    {
        if (content is null)
        {
            return null;
        }

        try
        {
            using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            using var reader = new StreamReader(stream, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 4096);
            var buffer = new char[MaxBodyChars];
            var length = 0;
            int read;
            while (length < buffer.Length && (read = await reader.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
            {
                length += read;
            }

            return new string(buffer, 0, length);
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            // The error is what matters; a body that broke off does not hide it.
            return null;
        }
    }

    private static (string? Error, string? Description) ReadTeError(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            var root = document.RootElement;
            return (Text(root, "error") ?? Text(root, "message"), Text(root, "error_description"));
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? RequestId(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Request-Id", out var values) ? values.FirstOrDefault() : null;

    private static Dictionary<string, IEnumerable<string>> Headers(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, IEnumerable<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers)
        {
            headers[name] = values;
        }

        if (response.Content is not null)
        {
            foreach (var (name, values) in response.Content.Headers)
            {
                headers[name] = values;
            }
        }

        return headers;
    }
}
