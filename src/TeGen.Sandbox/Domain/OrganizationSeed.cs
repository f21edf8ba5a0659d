using System.Globalization;
using System.Text.Json.Nodes;

namespace TeGen.Sandbox.Domain;

// The read-only lists TE keeps for every organization and the API only reads: user roles (the seeded users' "Loan
// Officer" among them) with the permissions each grants, the kinds of relationship to an entity, and the recruit
// statuses, metrics and units. TE publishes none of their values; these are plausible ones (docs/te-api.md).
internal static class OrganizationSeed
{
    private static readonly string[] Permissions = ["view_contacts", "edit_contacts", "send_email", "manage_users"];

    private static readonly (string Role, string[] Grants)[] Roles =
    [
        ("Loan Officer", ["view_contacts", "edit_contacts", "send_email"]),
        ("Real Estate Lender", ["view_contacts"]),
        ("Administrator", Permissions),
    ];

    private static readonly (string Collection, string Member, string[] Values)[] Lookups =
    [
        ("/v1/entity-relationship-types", "system_name", ["head_of_household", "spouse", "dependent"]),
        ("/v1/contact-recruit-statuses", "status_name", ["Prospect", "Contacted", "Interviewing", "Hired"]),
        ("/v1/contact-recruit-metrics", "metric_name", ["Annual Volume", "Purchase Share", "Refinance Share"]),
        ("/v1/contact-recruit-metric-units", "unit_name", ["Dollars", "Percent", "Units"]),
    ];

    public static void Load(TeState state, SandboxOrganization org)
    {
        var permissions = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var name in Permissions)
        {
            var id = NextId(state, "/v1/permissions");
            permissions[name] = new JsonObject { ["id"] = long.Parse(id, CultureInfo.InvariantCulture), ["permission_name"] = name, ["description"] = name.Replace('_', ' ') };
            SeedRecords.Add(state, org, "/v1/permissions", id, Members(permissions[name]));
        }

        foreach (var (role, grants) in Roles)
        {
            var id = NextId(state, "/v1/user-roles");
            SeedRecords.Add(state, org, "/v1/user-roles", id, new JsonObject { ["role_name"] = role });
            SeedRecords.Add(state, org, "/v1/role-permissions", id, new JsonObject
            {
                ["role_name"] = role,
                ["permissions"] = new JsonArray([.. grants.Select(grant => permissions[grant].DeepClone())]),
            });
        }

        foreach (var (collection, member, values) in Lookups)
        {
            foreach (var value in values)
            {
                SeedRecords.Add(state, org, collection, null, new JsonObject { [member] = value });
            }
        }
    }

    private static string NextId(TeState state, string collection) =>
        state.Store.Collection(collection).NextId().ToString(CultureInfo.InvariantCulture);

    private static JsonObject Members(JsonObject record)
    {
        var members = (JsonObject)record.DeepClone();
        members.Remove("id");
        return members;
    }
}
