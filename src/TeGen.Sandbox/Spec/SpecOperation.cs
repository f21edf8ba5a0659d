using System.Text.Json.Nodes;

namespace TeGen.Sandbox.Spec;

// One operation of the spec, e.g. PATCH /v1/contacts/{contact_id}.
internal sealed class SpecOperation
{
    public required string Method { get; init; }

    public required string Path { get; init; }

    public string? OperationId { get; init; }

    // `security: []`: callable without a token.
    public bool IsPublic { get; init; }

    // Authenticated with HTTP Basic (the token request), not with a bearer token.
    public bool UsesBasicAuth { get; init; }

    public IReadOnlyList<SpecParameter> PathParameters { get; init; } = [];

    public IReadOnlyList<SpecParameter> QueryParameters { get; init; } = [];

    public Shape? Body { get; init; }

    // Status code → JSON schema of the answer (null when it has none). Responses shared through
    // components/responses are the error catalogue; the others are the operation's own outcomes.
    public IReadOnlyDictionary<int, Shape?> Responses { get; init; } = new Dictionary<int, Shape?>();

    public IReadOnlySet<int> OwnResponses { get; init; } = new HashSet<int>();

    public IReadOnlyDictionary<string, JsonNode?> Extensions { get; init; } = new Dictionary<string, JsonNode?>();

    // x-te-filter: the schema whose members are this list's filter conditions (LoanFilter for ListLoans).
    public Shape? Filter { get; init; }

    public bool ReadsBody => Body is not null;

    // The media types of a raw upload's body (an image): the request body is bytes, not JSON.
    public IReadOnlyList<string> UploadTypes { get; init; } = [];

    // "/v1/contacts/{contact_id}" → "/v1/contacts"; a path without a trailing parameter is its own collection.
    public string Collection => PathParameters.Count > 0 && Path.EndsWith('}') ? Path[..Path.LastIndexOf('/')] : Path;

    public bool IsItem => Collection != Path;

    // x-te-paged (`true`, or the item schema's name): a list read page by page, answering {items, links}.
    public bool Paged => Extensions.GetValueOrDefault("x-te-paged") is { } paged && paged.ToJsonString() is not ("false" or "null");

    // x-te-owner: required-as-admin: an admin's create names its owner; a user's record is the user's.
    // x-te-admin-only: organization administrators only (a user token gets 403).
    public bool AdminOnly => Extensions.GetValueOrDefault("x-te-admin-only")?.ToJsonString() == "true";

    public bool OwnerRequiredAsAdmin => Extensions.GetValueOrDefault("x-te-owner")?.ToJsonString() == "\"required-as-admin\"";

    // The answer when all goes well: the lowest 2xx, else a status x-te-success-statuses names (the teapot's 418),
    // else the operation's own outcome among its responses.
    public int SuccessStatus =>
        Responses.Keys.Where(status => status is >= 200 and < 300).Order().FirstOrDefault() is var ok and > 0 ? ok
        : ExtraSuccessStatuses.FirstOrDefault() is var extra and > 0 ? extra
        : OwnResponses.Order().FirstOrDefault(StatusCodes.Status200OK);

    private IEnumerable<int> ExtraSuccessStatuses =>
        (Extensions.GetValueOrDefault("x-te-success-statuses") as JsonArray ?? [])
            .Select(status => int.TryParse(status?.ToJsonString().Trim('"'), out var code) ? code : 0)
            .Where(code => code > 0);

    public Shape? ResponseShape(int status) => Responses.GetValueOrDefault(status);

    public override string ToString() => $"{Method} {Path}";
}
