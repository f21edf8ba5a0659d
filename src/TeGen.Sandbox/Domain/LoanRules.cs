using System.Globalization;
using System.Text.Json.Nodes;
using TeGen.Sandbox.Formats;
using TeGen.Sandbox.Paging;
using TeGen.Sandbox.Replies;
using TeGen.Sandbox.Spec;
using TeGen.Sandbox.Store;

namespace TeGen.Sandbox.Domain;

// /v1/loans: unique per owner by external_id or loan_number (a create matching one updates it); contacts in the
// loan's roles found among the owner's contacts or created; the roles the organization marks required for the
// loan's account class; lookups by id or name; owner transfer by PATCH or by a POST carrying the loan's id, refused
// with 422 when the new owner already has a loan with the same keys (docs/te-api.md, "Loans").
internal sealed class LoanRules(Shape? item) : RecordResource("/v1/loans", item)
{
    private static readonly string[] Roles = LoanRelations.Roles;

    private static readonly (string Member, string Collection)[] Lookups = LoanRelations.Lookups;

    // The roles agent_id looks at.
    private static readonly string[] Agents = ["buyers_agent", "sellers_agent", "settlement_agent"];

    private static readonly string[] UniqueKeys = ["external_id", "loan_number"];

    public override ListSpec Filters => field ??= ListSpec.From(Item)
        .Nested("borrower_id", "borrower", "id")
        .Custom("agent_id", (loan, value) => Agents.Any(role => ListSpec.Matches(TeValues.Member(loan[role], "id"), value)))
        .Custom("other_id", (loan, value) => Roles.Skip(1).Any(role => ListSpec.Matches(TeValues.Member(loan[role], "id"), value)))
        .Custom("role_system_name", (loan, value) => Roles.Contains(value) && loan[value] is JsonObject)
        .Nested("loan_type", "loan_type", "loan_type")
        .Nested("loan_status", "loan_status", "loan_status")
        .Nested("loan_purpose", "loan_purpose", "loan_purpose")
        .Nested("loan_program", "loan_program", "loan_program")
        .AccountClass();

    public override TeReply Create(TeCall call)
    {
        // A POST naming a visible loan's id updates it: TE's route for an admin moving a loan to a new owner.
        if (TeValues.TryParseInt(call.Body["id"], out var id))
        {
            var named = Table(call.Store).Find(id.ToString(CultureInfo.InvariantCulture)) is { } row && call.Caller.Sees(row.Org, row.Owner)
                ? row
                : throw TeErrors.Unprocessable($"Unable to find target for relationship: 'id' (no loan {id})");
            Change(call, named);
            call.Stamp(named);
            return Duplicate(call, named);
        }

        var owner = call.Owner().Id;
        if (OwnedBy(call, owner).FirstOrDefault(loan => SameKey(loan, call.Body)) is { } duplicate)
        {
            Apply(call, duplicate, owner, creating: false);
            call.Stamp(duplicate);
            return Duplicate(call, duplicate);
        }

        var created = call.New(new GenericRecord { Id = Table(call.Store).NextId().ToString(CultureInfo.InvariantCulture), NumericId = true, OwnerId = owner });
        Apply(call, created, owner, creating: true);
        return Created(call, created);
    }

    protected override TeReply Change(TeCall call, GenericRecord loan)
    {
        var owner = call.Caller.IsAdmin && call.Body["owner"] is not null ? call.Owner().Id : loan.OwnerId!.Value;
        Apply(call, loan, owner, creating: false);
        return TeReply.EmptyArray();
    }

    private void Apply(TeCall call, GenericRecord loan, long owner, bool creating)
    {
        var values = PlainMembers(call.Body, ["owner", "options", .. Roles, .. Lookups.Select(lookup => lookup.Member), "account_class", "referring_loan_officer"]);

        // The keys the loan will have must not be another loan's of its (new) owner.
        var keys = new JsonObject();
        foreach (var key in UniqueKeys)
        {
            keys[key] = (values.TryGetValue(key, out var given) ? given : loan.Fields.GetValueOrDefault(key))?.DeepClone();
        }

        if (OwnedBy(call, owner).FirstOrDefault(other => other != loan && SameKey(other, keys)) is { } clash)
        {
            throw TeErrors.Unprocessable(owner == loan.OwnerId || creating
                ? $"Another loan of this owner (id {clash.Id}) has the same external_id or loan_number"
                : $"The new owner already has a loan with the same external_id or loan_number (id {clash.Id})");
        }

        foreach (var (member, collection) in Lookups)
        {
            if (call.Body[member] is { } node)
            {
                values[member] = new JsonObject { ["id"] = LookupRefs.Resolve(call, collection, node, member, member).IdNode.DeepClone() };
            }
        }

        if (call.Body["account_class"] is { } accountClass)
        {
            values["account_class"] = LookupRefs.AccountClass(call, accountClass);
        }
        else if (creating && LookupRefs.DefaultLoanClass(call) is { } mortgage)
        {
            values["account_class"] = mortgage;
        }

        if (call.Body["referring_loan_officer"] is { } officer)
        {
            values["referring_loan_officer"] = Officer(UserRefs.Resolve(officer, call.Org, "referring_loan_officer", allowEmail: false));
        }

        var source = TeValues.Text(values.GetValueOrDefault("source")) ?? TeValues.Text(loan.Fields.GetValueOrDefault("source"));
        foreach (var role in Roles)
        {
            if (call.Body[role] is { } node)
            {
                values[role] = new JsonObject { ["id"] = LoanContacts.FindOrCreate(call, node, owner, source, role).Id };
            }
            else if (owner != loan.OwnerId && !creating && loan.Fields.GetValueOrDefault(role) is { } kept)
            {
                // A transfer gives the new owner the loan's contacts, found among theirs or copied; the old ones stay.
                values[role] = new JsonObject { ["id"] = LoanContacts.MoveTo(call, kept, owner).Id };
            }
        }

        if (creating)
        {
            RequireRoles(call, values);
        }

        loan.OwnerId = owner;
        Attributes.Assign(loan, values);
    }

    // The participant roles the organization marks required for the loan's account class.
    private static void RequireRoles(TeCall call, Dictionary<string, JsonNode?> values)
    {
        var className = TeValues.Text(TeValues.Member(values.GetValueOrDefault("account_class"), "class_name"));
        var required = call.Store.Collection("/v1/schema/participant-roles").Rows
            .Where(role => role.Org == call.Org.Name && TeValues.TryParseInt(role.Fields.GetValueOrDefault("required"), out var flag) && flag == 1)
            .Where(role => className is null || TeValues.SameText(TeValues.Text(TeValues.Member(role.Fields.GetValueOrDefault("account_class"), "class_name")), className))
            .Select(role => TeValues.Text(role.Fields.GetValueOrDefault("system_name")))
            .OfType<string>();
        foreach (var role in required.Where(Roles.Contains))
        {
            if (values.GetValueOrDefault(role) is null)
            {
                throw call.Missing(role);
            }
        }
    }

    private IEnumerable<GenericRecord> OwnedBy(TeCall call, long owner) =>
        Table(call.Store).Rows.Where(loan => loan.Org == call.Org.Name && loan.OwnerId == owner);

    private static bool SameKey(GenericRecord loan, JsonObject given) =>
        UniqueKeys.Any(key => TeValues.Text(given[key]) is { Length: > 0 } value && TeValues.SameText(TeValues.Text(loan.Fields.GetValueOrDefault(key)), value));

    private static JsonObject Officer(SandboxUser user) => new() { ["id"] = user.Id, ["username"] = user.Username, ["external_id"] = user.ExternalId };
}
