using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TeGen.Sandbox;

internal static class JsonBody
{
    public static async Task<byte[]> ReadAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        return buffer.ToArray();
    }

    public static bool IsJson(string? contentType) => MediaType(contentType) is { } type
        && (type.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    public static bool IsForm(string? contentType) =>
        string.Equals(MediaType(contentType), "application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);

    // TE answers 415 to a write whose body is not JSON and 400 to JSON it cannot parse.
    public static JsonObject ParseObject(string? contentType, byte[] body)
    {
        if (!IsJson(contentType))
        {
            throw new TeException(StatusCodes.Status415UnsupportedMediaType, "Unsupported Media Type: the request body must be application/json");
        }

        return TryParseObject(body) ?? throw TeException.BadRequest("Malformed JSON: the request body is not a valid JSON object");
    }

    public static JsonObject? TryParseObject(byte[] body)
    {
        try
        {
            return JsonNode.Parse(body) as JsonObject;
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string? MediaType(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed) ? parsed.MediaType : null;
}
