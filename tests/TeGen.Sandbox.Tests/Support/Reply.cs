using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace TeGen.Sandbox.Tests.Support;

/// <summary>A response read to the end, with helpers that fail with the body in the message.</summary>
internal sealed record Reply(int Status, string Body, HttpResponseHeaders Headers, string? ContentType)
{
    public static async Task<Reply> ReadAsync(HttpResponseMessage response) =>
        new((int)response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers, response.Content.Headers.ContentType?.MediaType);

    public JsonNode? Json => Body.Length == 0 ? null : JsonNode.Parse(Body);

    public JsonObject Object => Json!.AsObject();

    public string? Error => Json?["error"]?.GetValue<string>();

    public long Id => Json!["id"]!.GetValue<long>();

    public string HexId => Json!["id"]!.GetValue<string>();

    public JsonArray Items => Json!["items"]!.AsArray();

    public JsonObject Links => Json!["links"]!.AsObject();

    public string? RetryAfter => Headers.TryGetValues("Retry-After", out var values) ? values.Single() : null;

    public string Text(string member) => Json![member]!.GetValue<string>();

    public Reply Expect(int status)
    {
        if (Status != status)
        {
            throw new Xunit.Sdk.XunitException($"Expected HTTP {status} but got {Status}: {Body}");
        }

        return this;
    }

    public Reply ExpectError(int status, string fragment)
    {
        Expect(status);
        Assert.Contains(fragment, Error ?? "", StringComparison.Ordinal);
        return this;
    }

    public Reply ExpectRelationship(string name) =>
        ExpectError((int)HttpStatusCode.UnprocessableEntity, $"Unable to find target for relationship: '{name}'");
}
