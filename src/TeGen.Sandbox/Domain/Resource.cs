using System.Text.Json.Nodes;
using TeGen.Sandbox.Paging;
using TeGen.Sandbox.Replies;
using TeGen.Sandbox.Spec;
using TeGen.Sandbox.Store;

namespace TeGen.Sandbox.Domain;

// A collection of the spec with TE's rules for it: what a caller sees, how records are created, changed and deleted.
// Without a hand-written rule a collection gets GenericResource: plain storage with TE's paging and filters.
internal abstract class Resource(string collection, Shape? item)
{
    // "/v1/contacts"
    public string Collection { get; } = collection;

    // What one record looks like when read back; members outside it are not stored.
    public Shape? Item { get; } = item;

    // The filters and sorts of the list operation.
    public virtual ListSpec Filters => ListSpec.From(Item);

    // How the list operation pages: as the options say, unless TE documents otherwise for the collection.
    public virtual PageRules Paging(TeSandboxOptions options) => PageRules.From(options);

    // True when the rule checks required members itself instead of the request validation.
    public virtual bool ChecksRequired => false;

    public virtual bool AdminOnly => false;

    // The body as TE reads it, before it is checked against the spec: where TE accepts another spelling of a member
    // (a recruit's `sourced_percentage`), the rule renames it to the spec's.
    public virtual JsonObject Normalize(JsonObject body) => body;

    public abstract IEnumerable<StoredEntity> Visible(TeCall call);

    public abstract StoredEntity Find(TeCall call);

    public virtual TeReply Create(TeCall call) => throw TeErrors.Reason(StatusCodes.Status405MethodNotAllowed);

    public virtual TeReply Update(TeCall call, StoredEntity row) => throw TeErrors.Reason(StatusCodes.Status405MethodNotAllowed);

    public virtual TeReply Delete(TeCall call, StoredEntity row) => throw TeErrors.Reason(StatusCodes.Status405MethodNotAllowed);

    // An operation outside the five of a collection (an action such as an SMS opt-in, a delete naming its record in
    // the query); null leaves it to the spec's example answer.
    public virtual TeReply? Act(TeCall call, string method) => null;

    // The body members that are plain attributes of a record: those its read-back shape defines, minus `except`.
    protected Dictionary<string, JsonNode?> PlainMembers(JsonObject body, IEnumerable<string> except)
    {
        var skipped = except.ToHashSet(StringComparer.Ordinal);
        return body
            .Where(member => (Item is null || Item.Properties.ContainsKey(member.Key)) && !skipped.Contains(member.Key) && member.Key != "id")
            .ToDictionary(member => member.Key, member => member.Value?.DeepClone(), StringComparer.Ordinal);
    }

    protected string Name => Collection.StartsWith("/v1/", StringComparison.Ordinal) ? Collection[4..] : Collection.TrimStart('/');

    protected TeReply Link(TeCall call, StoredEntity row, bool created) =>
        created ? TeReply.Created(call.Link(Name, row.Key), row.IdNode) : TeReply.Duplicate(call.Link(Name, row.Key), row.IdNode);
}

internal abstract class Resource<T>(string collection, Shape? item) : Resource(collection, item)
    where T : StoredEntity
{
    public abstract Table<T> Table(SandboxStore store);

    // A record outside the caller's view is indistinguishable from a missing one.
    public override IEnumerable<StoredEntity> Visible(TeCall call) => Rows(call);

    public IEnumerable<T> Rows(TeCall call) => Table(call.Store).Rows.Where(row => call.Caller.Sees(row.Org, row.Owner));

    public override StoredEntity Find(TeCall call) => Get(call);

    public T Get(TeCall call) =>
        call.RouteId is { } key && Table(call.Store).Find(key) is { } row && call.Caller.Sees(row.Org, row.Owner) ? row : throw call.NotFound();

    public sealed override TeReply Update(TeCall call, StoredEntity row)
    {
        var reply = Change(call, (T)row);
        call.Stamp(row);
        return reply;
    }

    public sealed override TeReply Delete(TeCall call, StoredEntity row)
    {
        Table(call.Store).Remove(row.Key);
        Detach(call, (T)row);
        return TeReply.EmptyArray();
    }

    protected virtual TeReply Change(TeCall call, T row) => base.Update(call, row);

    protected virtual void Detach(TeCall call, T row)
    {
    }

    protected TeReply Created(TeCall call, T row)
    {
        Table(call.Store).Add(call.Stamp(row));
        return Link(call, row, created: true);
    }

    protected TeReply Duplicate(TeCall call, T row) => Link(call, row, created: false);
}
