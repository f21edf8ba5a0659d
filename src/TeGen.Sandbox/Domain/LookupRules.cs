using System.Globalization;
using System.Text.Json.Nodes;
using TeGen.Sandbox.Formats;
using TeGen.Sandbox.Paging;
using TeGen.Sandbox.Replies;
using TeGen.Sandbox.Spec;
using TeGen.Sandbox.Store;

namespace TeGen.Sandbox.Domain;

// A lending lookup (/v1/loan-types, /v1/account-statuses, ...): the organization's list of names, unique by the name
// member (compared without regard to case). A create naming an existing value is TE's POST-as-PATCH: it updates that
// value and answers it as a duplicate (docs/te-api.md, "Lending lookups"); an update may not take another value's name.
// account_class names one of the organization's classes; a loan lookup created without one gets
// TeSandboxOptions.LoanLookupDefaultAccountClass.
// Campaigns follow the same rule (unique `name`), with hexadecimal ids.
internal sealed class LookupRules(string collection, string nameField, bool loanLookup, Shape? item, bool hexIds = false) : RecordResource(collection, item)
{
    public override ListSpec Filters => field ??= ListSpec.From(Item).AccountClass();

    public override TeReply Create(TeCall call)
    {
        var name = TeValues.Text(call.Require(nameField))!;
        var values = Values(call);
        if (Named(call, name) is { } duplicate)
        {
            Attributes.Assign(duplicate, values);
            call.Stamp(duplicate);
            return Duplicate(call, duplicate);
        }

        var id = hexIds ? SandboxStore.NewHexId(16) : Table(call.Store).NextId().ToString(CultureInfo.InvariantCulture);
        var created = call.New(new GenericRecord { Id = id, NumericId = !hexIds });
        if (!values.ContainsKey("account_class") && DefaultClass(call) is { } mortgage)
        {
            created.Fields["account_class"] = mortgage;
        }

        Attributes.Assign(created, values);
        return Created(call, created);
    }

    protected override TeReply Change(TeCall call, GenericRecord row)
    {
        if (TeValues.Text(call.Body[nameField]) is { } name && Named(call, name) is { } other && other != row)
        {
            throw call.Invalid(nameField, $"'{name}' is the name of another value, id {other.Id}");
        }

        Attributes.Assign(row, Values(call));
        return TeReply.EmptyArray();
    }

    private GenericRecord? Named(TeCall call, string name) =>
        Rows(call).FirstOrDefault(row => TeValues.SameText(TeValues.Text(row.Fields.GetValueOrDefault(nameField)), name));

    private Dictionary<string, JsonNode?> Values(TeCall call)
    {
        var values = PlainMembers(call.Body, []);
        if (call.Body["account_class"] is { } reference)
        {
            values["account_class"] = LookupRefs.AccountClass(call, reference);
        }

        return values;
    }

    private JsonObject? DefaultClass(TeCall call) => loanLookup ? LookupRefs.DefaultLoanClass(call) : null;
}
