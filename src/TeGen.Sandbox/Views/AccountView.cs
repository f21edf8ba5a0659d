using System.Text.Json.Nodes;
using TeGen.Sandbox.Formats;
using TeGen.Sandbox.Store;

namespace TeGen.Sandbox.Views;

// Accounts: the holder by id (as TE shows a related contact), the type and status by id and their current name, so
// that renaming an account type shows on every account of that type.
internal sealed class AccountView() : RecordView("/v1/accounts")
{
    protected override void Compute(JsonObject json, StoredEntity row, View view)
    {
        Named(json, row, view, "account_type", "/v1/account-types");
        Named(json, row, view, "account_status", "/v1/account-statuses");
    }

    public static void Named(JsonObject json, StoredEntity row, View view, string member, string collection)
    {
        if (TeValues.Text(TeValues.Member(row.Fields.GetValueOrDefault(member), "id")) is { } id && view.Store.Collection(collection).Find(id) is { } value)
        {
            json[member] = new JsonObject { ["id"] = value.IdNode.DeepClone(), [member] = value.Fields.GetValueOrDefault(member)?.DeepClone() };
        }
    }
}
