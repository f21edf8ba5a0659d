using System.Text.Json.Nodes;
using TeGen.Sandbox.Formats;
using TeGen.Sandbox.Replies;
using TeGen.Sandbox.Store;

namespace TeGen.Sandbox.Domain;

// One authenticated /v1 request as TE's rules see it: who calls, the validated body, the id in the path.
internal sealed class TeCall(TeState state, Caller caller, JsonObject body, string? routeId, string host, string path)
{
    public TeState State { get; } = state;

    public Caller Caller { get; } = caller;

    public JsonObject Body { get; } = body;

    public string? RouteId { get; } = routeId;

    // The bytes of a raw upload (an image) with its headers; null for a JSON request.
    public Upload? Upload { get; init; }

    // The query string, for the few operations that name their record there instead of in the path.
    public IQueryCollection Query { get; init; } = QueryCollection.Empty;

    public DateTimeOffset Now { get; } = state.Clock.GetUtcNow();

    public TeSandboxOptions Options => State.Options;

    public SandboxStore Store => State.Store;

    public SandboxOrganization Org => Caller.Org;

    public TeException Invalid(string field, string? why = null) => TeErrors.Invalid(Options.ValidationErrorStatus, field, why);

    public TeException Missing(string field) => TeErrors.Missing(Options.ValidationErrorStatus, field);

    public TeException NotFound() => TeErrors.NotFound(Options.NotFoundStatus, path);

    // Absent, null and blank strings all count as missing.
    public JsonNode Require(string field)
    {
        var value = Body[field];
        return value is JsonObject or JsonArray || !TeValues.IsBlank(value) ? value! : throw Missing(field);
    }

    public string Link(string resource, string id)
    {
        var linkHost = Options.LinkHost ?? host;
        return $"{linkHost.TrimEnd('/')}/v1/{resource}/{id}";
    }

    // As Admin the owner must be named (and exist); As User the caller owns whatever it creates.
    public SandboxUser Owner(bool allowEmail = true)
    {
        if (Caller.User is { } user)
        {
            return user;
        }

        return Body["owner"] is { } owner ? UserRefs.Resolve(owner, Org, "owner", allowEmail) : throw Missing("owner");
    }

    // A record about to be stored: in the caller's organization, next in creation order, created now.
    public T New<T>(T entity)
        where T : StoredEntity
    {
        entity.Place(Org.Name, Store.NextSeq(), Now);
        return entity;
    }

    public T Stamp<T>(T entity)
        where T : StoredEntity
    {
        entity.UpdatedAt = Now;
        return entity;
    }
}
