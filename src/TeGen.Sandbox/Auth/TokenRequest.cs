using System.Text.Json;
using TeGen.Sandbox.Http;
using TeGen.Sandbox.Replies;

namespace TeGen.Sandbox.Auth;

// The parameters of POST /v1/token. TE documents Basic credentials plus a JSON body; its error texts come from a
// stock OAuth server library that also takes form bodies and credentials in the body, so all of those are read.
internal sealed class TokenRequest
{
    private readonly Dictionary<string, string> _values;

    private TokenRequest(Dictionary<string, string> values, string? clientId, string? clientSecret)
    {
        _values = values;
        ClientId = clientId ?? this["client_id"];
        ClientSecret = clientSecret ?? this["client_secret"];
    }

    public string? ClientId { get; }

    public string? ClientSecret { get; }

    public string? this[string name] => _values.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    public static async Task<TokenRequest> ReadAsync(HttpRequest request)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (JsonBody.IsForm(request.ContentType))
        {
            foreach (var (key, value) in await ReadFormAsync(request))
            {
                values[key] = value.ToString();
            }
        }
        else if (JsonBody.IsJson(request.ContentType))
        {
            var body = JsonBody.TryParseObject(await JsonBody.ReadAsync(request)) ?? throw InvalidRequest("The request body is not a valid JSON object");
            foreach (var (key, value) in body)
            {
                values[key] = value?.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value?.ToJsonString() ?? "";
            }
        }
        else
        {
            throw TeErrors.UnsupportedMediaType("send the token request as application/json");
        }

        var (id, secret) = BasicCredentials.Parse(request.Headers.Authorization.ToString());
        return new TokenRequest(values, id, secret);
    }

    // ASP.NET Core's form reader enforces its limits (1024 fields, 2 KB keys, 4 MB values) by throwing.
    private static async Task<IFormCollection> ReadFormAsync(HttpRequest request)
    {
        try
        {
            return await request.ReadFormAsync(request.HttpContext.RequestAborted);
        }
        catch (BadHttpRequestException e)
        {
            throw TeErrors.Refusal(e);
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException)
        {
            throw InvalidRequest("The request body is not a valid form: " + e.Message);
        }
    }

    private static TeException InvalidRequest(string description) =>
        TeErrors.OAuth(StatusCodes.Status400BadRequest, "invalid_request", description);
}
