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

    public bool ReadsBody => Body is not null;

    // "/v1/contacts/{contact_id}" → "/v1/contacts"; a path without a trailing parameter is its own collection.
    public string Collection => PathParameters.Count > 0 && Path.EndsWith('}') ? Path[..Path.LastIndexOf('/')] : Path;

    public bool IsItem => Collection != Path;

    // The answer when all goes well: the lowest 2xx, else the operation's own outcome (the teapot's 418).
    public int SuccessStatus =>
        Responses.Keys.Where(status => status is >= 200 and < 300).Order().FirstOrDefault() is var ok and > 0
            ? ok
            : OwnResponses.Order().FirstOrDefault(StatusCodes.Status200OK);

    public Shape? ResponseShape(int status) => Responses.GetValueOrDefault(status);

    public override string ToString() => $"{Method} {Path}";
}
