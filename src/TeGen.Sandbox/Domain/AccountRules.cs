using System.Globalization;
using System.Text.Json.Nodes;
using TeGen.Sandbox.Paging;
using TeGen.Sandbox.Replies;
using TeGen.Sandbox.Spec;
using TeGen.Sandbox.Store;

namespace TeGen.Sandbox.Domain;

// /v1/accounts: held by a contact the caller sees; account_type and account_status name the organization's lookup
// values by id or name, account_class one of its classes; an unknown one is TE's 422 for the relationship. Never
// deduplicated: TE documents no uniqueness set for accounts. The record keeps the related ids; the view adds names.
internal sealed class AccountRules(Shape? item) : RecordResource("/v1/accounts", item)
{
    public override ListSpec Filters => field ??= ListSpec.From(Item)
        .Nested("primary_account_holder_id", "primary_account_holder", "id")
        .Nested("account_type", "account_type", "account_type")
        .Nested("account_status", "account_status", "account_status")
        .AccountClass();

    public override TeReply Create(TeCall call)
    {
        var account = call.New(new GenericRecord { Id = Table(call.Store).NextId().ToString(CultureInfo.InvariantCulture), NumericId = true });
        Attributes.Assign(account, Values(call));
        return Created(call, account);
    }

    protected override TeReply Change(TeCall call, GenericRecord account)
    {
        Attributes.Assign(account, Values(call));
        return TeReply.EmptyArray();
    }

    private Dictionary<string, JsonNode?> Values(TeCall call)
    {
        var values = PlainMembers(call.Body, []);
        Relate(values, call, "primary_account_holder", node => ById(ContactMatcher.Resolve(node, ContactRules.SeenBy(call), "primary_account_holder").Id));
        Relate(values, call, "account_type", node => ById(LookupRefs.Resolve(call, "/v1/account-types", node, "account_type", "account_type").IdNode));
        Relate(values, call, "account_status", node => ById(LookupRefs.Resolve(call, "/v1/account-statuses", node, "account_status", "account_status").IdNode));
        Relate(values, call, "account_class", node => LookupRefs.AccountClass(call, node));
        return values;
    }

    // A relationship given (not null) is stored as resolved; a null given clears it.
    private static void Relate(Dictionary<string, JsonNode?> values, TeCall call, string member, Func<JsonNode, JsonNode> resolve)
    {
        if (call.Body[member] is { } node)
        {
            values[member] = resolve(node);
        }
    }

    private static JsonObject ById(JsonNode id) => new() { ["id"] = id.DeepClone() };
}
