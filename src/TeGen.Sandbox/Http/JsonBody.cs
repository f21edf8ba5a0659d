using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using TeGen.Sandbox.Replies;

namespace TeGen.Sandbox.Http;

internal static class JsonBody
{
    // A member given twice has no single meaning (RFC 8259 §4) and JsonObject throws on it when first read, so such a
    // body is refused with a 400 like any other malformed JSON. Depth stays at the default limit of 64.
    private static readonly JsonDocumentOptions Strict = new() { AllowDuplicateProperties = false };

    public static async Task<byte[]> ReadAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        try
        {
            await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        }
        catch (BadHttpRequestException e)
        {
            throw TeErrors.Refusal(e);
        }

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
            throw TeErrors.UnsupportedMediaType("the request body must be application/json");
        }

        return TryParseObject(body, out var problem) ?? throw TeErrors.MalformedJson(problem);
    }

    public static JsonObject? TryParseObject(byte[] body) => TryParseObject(body, out _);

    // JsonNode.Parse reads strings and member names only when they are first used, so a lone surrogate or invalid
    // UTF-8 would throw wherever a handler happens to read it. The tree is built here instead, every string decoded,
    // so that whatever a handler reads was checked before it runs.
    private static JsonObject? TryParseObject(byte[] body, out string problem)
    {
        try
        {
            using var document = JsonDocument.Parse(body, Strict);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                problem = "";
                return (JsonObject)Node(document.RootElement)!;
            }

            problem = "it is not an object";
        }
        catch (JsonException e)
        {
            problem = Printable(e.Message);
        }
        catch (InvalidOperationException)
        {
            problem = "a string or member name is not valid UTF-8 or holds a lone surrogate";
        }
        catch (ArgumentException)
        {
            problem = "a member appears twice";
        }

        return null;
    }

    private static JsonNode? Node(JsonElement element) => element.ValueKind switch
    {
        // The JsonObject constructor throws on a member given twice, however its name was escaped.
        JsonValueKind.Object => new JsonObject(element.EnumerateObject().Select(member => KeyValuePair.Create(member.Name, Node(member.Value)))),
        JsonValueKind.Array => new JsonArray([.. element.EnumerateArray().Select(Node)]),
        JsonValueKind.String => JsonValue.Create(element.GetString()),
        JsonValueKind.True or JsonValueKind.False => JsonValue.Create(element.GetBoolean()),
        JsonValueKind.Null => null,

        // Numbers keep their exact spelling (TE's readers compare their text: ids, zip codes), cloned out of the
        // document, which is disposed once parsed.
        _ => JsonValue.Create(element.Clone()),
    };

    // Parser messages can quote the offending character; the answer must stay valid text.
    private static string Printable(string message) => string.Concat(message.Select(c => char.IsControl(c) || char.IsSurrogate(c) ? '?' : c));

    private static string? MediaType(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed) ? parsed.MediaType : null;
}
