using System.Globalization;
using System.Text.Json.Nodes;
using TeGen.Sandbox.Formats;
using TeGen.Sandbox.Store;

namespace TeGen.Sandbox.Domain;

// Naming a value of one of the organization's lending lookups (an account type, an account class, ...) by its id or
// its name members, and the forms a record keeps of it.
internal static class LookupRefs
{
    public const string AccountClasses = "/v1/account-classifications";

    public static GenericRecord Resolve(TeCall call, string collection, JsonNode? node, string relationship, params string[] names) =>
        References.Resolve(
            node,
            call.Store.Collection(collection).Rows.Where(row => row.Org == call.Org.Name),
            row => long.Parse(row.Id, CultureInfo.InvariantCulture),
            names.Select(name => (name, (Func<GenericRecord, string?>)(row => TeValues.Text(row.Fields.GetValueOrDefault(name))))),
            relationship);

    // TE files a loan (or a loan lookup) without a class under mortgage (TeSandboxOptions.LoanLookupDefaultAccountClass);
    // an organization without that class leaves the value unset.
    public static JsonObject? DefaultLoanClass(TeCall call)
    {
        if (call.Options.LoanLookupDefaultAccountClass is not { } className)
        {
            return null;
        }

        try
        {
            return AccountClass(call, new JsonObject { ["class_name"] = className });
        }
        catch (Replies.TeException)
        {
            return null;
        }
    }

    // Account classes are provisioned and never change, so a record keeps the whole class it names.
    public static JsonObject AccountClass(TeCall call, JsonNode? node)
    {
        var found = Resolve(call, AccountClasses, node, "account_class", "class_name", "class_type");
        return new JsonObject
        {
            ["id"] = found.IdNode.DeepClone(),
            ["class_name"] = found.Fields.GetValueOrDefault("class_name")?.DeepClone(),
            ["class_type"] = found.Fields.GetValueOrDefault("class_type")?.DeepClone(),
        };
    }
}
