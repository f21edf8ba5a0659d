using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using TeGen.Sandbox.Formats;
using TeGen.Sandbox.Replies;
using TeGen.Sandbox.Spec;
using TeGen.Sandbox.Store;

namespace TeGen.Sandbox.Domain;

// /v1/users (organization administrators only): the seeded users and those created through the API. A user is unique
// by email, username or external_id: a create matching one updates it (200, duplicate). TE makes the username from the
// email (john.smith@totalexpert.com → john-smith-totalexpert, digits added when taken); an email once set never
// changes (422). The role, teams and expenditure approver must exist (422 for the relationship); teams given are
// joined, remove_teams / remove_licenses / remove_disclaimers take items off. Users are deactivated (status 0), never
// deleted. A user created here is not one the sandbox lets own records: owners are the seeded users.
internal sealed class UserRules(Shape? item) : RecordResource(Path, item)
{
    public const string Path = "/v1/users";

    public override bool AdminOnly => true;

    public override TeReply Create(TeCall call)
    {
        var email = TeValues.Text(call.Body["email"]);
        var externalId = TeValues.Text(call.Body["external_id"]);
        if (Rows(call).FirstOrDefault(user => TeValues.SameText(user.Text("email"), email) || (externalId is not null && TeValues.SameText(user.Text("external_id"), externalId))) is { } existing)
        {
            Change(call, existing);
            call.Stamp(existing);
            return Duplicate(call, existing);
        }

        var user = call.New(new GenericRecord { Id = Table(call.Store).NextId().ToString(CultureInfo.InvariantCulture), NumericId = true });
        user.Fields["username"] = Username(call, email!);
        user.Fields["status"] = 1;
        Attributes.Assign(user, Values(call));
        AddByName(user, call.Body);
        return Created(call, user);
    }

    protected override TeReply Change(TeCall call, GenericRecord user)
    {
        if (user.Text("email") is { } email && TeValues.Text(call.Body["email"]) is { } given && !TeValues.SameText(email, given))
        {
            throw call.Invalid("email", "a user's email cannot be changed once set");
        }

        Attributes.Assign(user, Values(call), addToArrays: true);
        AddByName(user, call.Body);
        OrganizationRefs.Remove(user.Fields, "teams", OrganizationRefs.Each(call.Body["remove_teams"], node => Team(call, node, "remove_teams")));
        RemoveBy(user, call.Body["remove_licenses"], "licenses", "license_name");
        RemoveBy(user, call.Body["remove_disclaimers"], "disclaimers", "disclaimer_name");
        return TeReply.EmptyArray();
    }

    private Dictionary<string, JsonNode?> Values(TeCall call)
    {
        var values = PlainMembers(call.Body, ["role", "teams", "expenditure_approver", "licenses", "disclaimers"]);
        if (call.Body["role"] is { } role)
        {
            values["role"] = OrganizationRefs.Named(call, "/v1/user-roles", role, "role", "role_name");
        }

        if (OrganizationRefs.Each(call.Body["teams"], node => Team(call, node, "teams")) is { } teams)
        {
            values["teams"] = teams;
        }

        if (call.Body["expenditure_approver"] is { } approver)
        {
            values["expenditure_approver"] = OrganizationRefs.User(call, approver, "expenditure_approver");
        }

        return values;
    }

    private static JsonObject Team(TeCall call, JsonNode? node, string relationship) =>
        OrganizationRefs.Named(call, TeamRules.Path, node, relationship, "team_name");

    // Licenses and disclaimers are added by name: one given again replaces the stored one of that name.
    private static void AddByName(GenericRecord user, JsonObject body)
    {
        foreach (var (member, key) in new[] { ("licenses", "license_name"), ("disclaimers", "disclaimer_name") })
        {
            if (body[member] is JsonArray given)
            {
                RemoveBy(user, given, member, key);
                user.Fields[member] = new JsonArray([.. (user.Fields.GetValueOrDefault(member) as JsonArray ?? []).Select(item => item?.DeepClone()), .. given.Select(item => item?.DeepClone())]);
            }
        }
    }

    private static void RemoveBy(GenericRecord user, JsonNode? removed, string member, string key)
    {
        if (removed is JsonArray gone && user.Fields.GetValueOrDefault(member) is JsonArray current)
        {
            user.Fields[member] = new JsonArray([.. current.Where(item => !gone.Any(off => TeValues.SameText(TeValues.Text(off?[key]), TeValues.Text(item?[key])))).Select(item => item?.DeepClone())]);
        }
    }

    // john.smith@totalexpert.com → john-smith-totalexpert; john-smith-totalexpert1, 2, ... when taken.
    private string Username(TeCall call, string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        var domain = at < 0 ? "" : email[(at + 1)..].Split('.')[0];
        var text = $"{(at < 0 ? email : email[..at])}-{domain}".ToLowerInvariant();
        var name = new StringBuilder();
        foreach (var c in text)
        {
            name.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        var stem = name.ToString().Trim('-');
        var taken = Table(call.Store).Rows.Select(user => user.Text("username")).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var candidate = stem;
        for (var n = 1; taken.Contains(candidate); n++)
        {
            candidate = stem + n.ToString(CultureInfo.InvariantCulture);
        }

        return candidate;
    }
}
