using System.Text.Json.Nodes;

namespace TeGen.Sandbox;

// An answer computed under the store lock and written after it is released.
internal sealed record TeReply(int Status, JsonNode Body, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static TeReply Ok(JsonNode body) => new(StatusCodes.Status200OK, body);

    // TE answers a successful PATCH or DELETE on classic endpoints with an empty JSON array.
    public static TeReply EmptyArray() => new(StatusCodes.Status200OK, new JsonArray());

    public static TeReply Created(string link, JsonNode id) =>
        new(StatusCodes.Status201Created, new JsonObject { ["created"] = link, ["id"] = id });

    public static TeReply Duplicate(string link, JsonNode id) =>
        new(StatusCodes.Status200OK, new JsonObject { ["duplicate"] = link, ["id"] = id });

    public static TeReply Error(int status, string message, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, new JsonObject { ["error"] = message }, headers);

    public static TeReply OAuthError(int status, string code, string description, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, new JsonObject { ["error"] = code, ["error_description"] = description }, headers);

    public static TeReply TooManyRequests(int retryAfterSeconds, string message) =>
        Error(StatusCodes.Status429TooManyRequests, message, new Dictionary<string, string> { ["Retry-After"] = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) });
}
