using System.Text.Json.Nodes;

namespace TeGen.Sandbox.Replies;

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
}
