using System.Text.Json.Nodes;
using TeGen.Sandbox.Auth;
using TeGen.Sandbox.Hosting;
using TeGen.Sandbox.Store;
using TeGen.Sandbox.Te;

namespace TeGen.Sandbox;

// One authenticated /v1 request, as the resource handlers see it.
internal sealed class TeCall(HttpContext http, SandboxRuntime runtime, Caller caller, JsonObject body)
{
    public HttpContext Http { get; } = http;

    public SandboxRuntime Runtime { get; } = runtime;

    public Caller Caller { get; } = caller;

    public JsonObject Body { get; } = body;

    public DateTimeOffset Now { get; } = runtime.Clock.GetUtcNow();

    public TeSandboxOptions Options => Runtime.Options;

    public SandboxStore Store => Runtime.Store;

    public SandboxOrganization Org => Caller.Org;

    public View View => new(Runtime, ShowOwner: Caller.IsAdmin || !Options.HideOwnerFromUsers);

    public TeException Invalid(string message) => new(Options.ValidationErrorStatus, message);

    public TeException Missing(string field) => Invalid($"Missing required field: '{field}'");

    public TeException NotFound() => new(Options.NotFoundStatus, $"Not Found: no record at {Http.Request.Path}");

    // Absent, null and blank strings all count as missing.
    public JsonNode Require(string field)
    {
        var value = Body[field];
        return value is JsonObject or JsonArray || !TeValues.IsBlank(value) ? value! : throw Missing(field);
    }

    public string RouteKey(string name) => Http.Request.RouteValues[name]?.ToString() ?? throw NotFound();

    // A record outside the caller's view is indistinguishable from a missing one.
    public T Find<T>(Table<T> table, string routeName, Func<T, long?> ownerOf)
        where T : StoredEntity =>
        table.Find(RouteKey(routeName)) is { } row && Caller.Sees(row.Org, ownerOf(row)) ? row : throw NotFound();

    public IEnumerable<T> Visible<T>(Table<T> table, Func<T, long?> ownerOf)
        where T : StoredEntity => table.Rows.Where(row => Caller.Sees(row.Org, ownerOf(row)));

    public string Link(string resource, string id)
    {
        var host = Options.LinkHost ?? Http.Request.Host.Value ?? "localhost";
        return $"{host.TrimEnd('/')}/v1/{resource}/{id}";
    }

    // As Admin the owner must be named (and exist); As User the caller owns whatever it creates.
    public SandboxUser Owner(bool allowEmail = true)
    {
        if (Caller.User is { } user)
        {
            return user;
        }

        if (Body["owner"] is null)
        {
            throw Missing("owner");
        }

        return UserRefs.Resolve(Body["owner"], Org, "owner", allowEmail);
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
