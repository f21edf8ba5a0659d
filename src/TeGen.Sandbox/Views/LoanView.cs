using System.Text.Json.Nodes;
using TeGen.Sandbox.Formats;
using TeGen.Sandbox.Store;

namespace TeGen.Sandbox.Views;

// Loans: each contact role as the contact's id and current names, each lookup as its id and current name (renaming a
// loan type shows on every loan of that type), as the account view does for accounts.
internal sealed class LoanView() : RecordView("/v1/loans")
{
    protected override void Compute(JsonObject json, StoredEntity row, View view)
    {
        foreach (var role in LoanRelations.Roles)
        {
            if (TeValues.Text(TeValues.Member(row.Fields.GetValueOrDefault(role), "id")) is { } id && view.Store.Contacts.Find(id) is { } contact)
            {
                json[role] = new JsonObject
                {
                    ["id"] = contact.Id,
                    ["first_name"] = contact.Fields.GetValueOrDefault("first_name")?.DeepClone(),
                    ["last_name"] = contact.Fields.GetValueOrDefault("last_name")?.DeepClone(),
                };
            }
        }

        foreach (var (member, collection) in LoanRelations.Lookups)
        {
            AccountView.Named(json, row, view, member, collection);
        }
    }
}
