using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace TeGen.Sandbox.Replies;

// Every error the sandbox answers, in TE's shapes: {"error": message}, or OAuth's {"error": code,
// "error_description": text}. Statuses TE leaves undocumented are options, so those factories take the status.
internal static class TeErrors
{
    public static TeException Status(int status, string message, IReadOnlyDictionary<string, string>? headers = null) =>
        new(new TeReply(status, new JsonObject { ["error"] = message }, headers));

    // The bare reason phrase, for what routing refuses (unknown path, wrong method).
    public static TeException Reason(int status) => Status(status, ReasonPhrases.GetReasonPhrase(status));

    public static TeException BadRequest(string message) => Status(StatusCodes.Status400BadRequest, message);

    public static TeException MalformedJson(string problem) => BadRequest($"Malformed JSON: the request body is not a valid JSON object ({problem})");

    public static TeException UnsupportedMediaType(string message) => Status(StatusCodes.Status415UnsupportedMediaType, $"Unsupported Media Type: {message}");

    public static TeException Forbidden(string message) => Status(StatusCodes.Status403Forbidden, $"Forbidden: {message}");

    public static TeException NotFound(int status, string path) => Status(status, $"Not Found: no record at {path}");

    public static TeException Invalid(int status, string field, string? why = null) =>
        Status(status, why is null ? $"Invalid value for field: '{field}'" : $"Invalid value for field: '{field}' ({why})");

    public static TeException Missing(int status, string field) => Status(status, $"Missing required field: '{field}'");

    // Strict mode: a member the spec does not define.
    public static TeException UnknownMember(int status, string field) => Status(status, $"Unknown field: '{field}'");

    public static TeException Unprocessable(string message) => Status(StatusCodes.Status422UnprocessableEntity, message);

    public static TeException Relationship(string name) => Unprocessable($"Unable to find target for relationship: '{name}'");

    public static TeException InvalidQuery(string name, string value) => BadRequest($"Invalid value for {name}: '{value}'");

    public static TeException OAuth(int status, string code, string description, IReadOnlyDictionary<string, string>? headers = null) =>
        new(new TeReply(status, new JsonObject { ["error"] = code, ["error_description"] = description }, headers));

    public static TeException TooManyRequests(int retryAfterSeconds, string message) =>
        Status(StatusCodes.Status429TooManyRequests, message, new Dictionary<string, string> { ["Retry-After"] = retryAfterSeconds.ToString(CultureInfo.InvariantCulture) });

    public static TeException Unexpected() =>
        Status(StatusCodes.Status500InternalServerError, "Internal Server Error: the sandbox failed to answer this request (its log has the details)");

    // Kestrel and the form reader enforce their own limits (a body over MaxRequestBodySize is a 413) by throwing.
    public static TeException Refusal(BadHttpRequestException e) =>
        Status(e.StatusCode, $"{ReasonPhrases.GetReasonPhrase(e.StatusCode)}: {e.Message}");
}
