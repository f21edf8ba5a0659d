using System.Globalization;
using System.Text.Json.Nodes;
using TeGen.Sandbox.Formats;

namespace TeGen.Sandbox.Domain;

// The read-only engagement lists TE provisions: channels, WLP access types, the sending domains and a few archived
// e-mails. TE publishes no values; these are plausible ones (docs/te-api.md, "Engagement and compliance").
internal static class EngagementSeeds
{
    public static readonly string[] Channels = ["email", "sms", "phone"];

    public static readonly string[] WlpAccessTypes = ["full", "limited"];

    public static void Load(TeState state, SandboxOrganization org)
    {
        foreach (var channel in Channels)
        {
            SeedRecords.Add(state, org, "/v1/channels", null, new() { ["system_name"] = channel });
        }

        foreach (var accessType in WlpAccessTypes)
        {
            SeedRecords.Add(state, org, "/v1/wlp-access-types", null, new() { ["access_type"] = accessType });
        }

        // One archived message sent by each of the first two users, to read from the e-mail archive.
        var archive = state.Store.Collection("/v1/email-archive");
        foreach (var user in org.Users.Take(2))
        {
            var id = archive.NextId();
            SeedRecords.Add(state, org, "/v1/email-archive", id.ToString(CultureInfo.InvariantCulture), EmailArchiveRules.Answer(new JsonObject
            {
                ["id"] = id,
                ["subject"] = $"Welcome from {user.FirstName}",
                ["from_email"] = user.Email,
                ["to_email"] = "ann.lee@example.test",
                ["sent_at"] = TeValues.FormatDateTime(state.StartedAt),
                ["body"] = $"<p>Hello Ann, {user.FirstName} here.</p>",
                ["user"] = UserRefs.Json(user),
            }));
        }

        // The domains of the organization's users' addresses, with a mail subdomain: acme.example → mail.acme.example.
        foreach (var domain in org.Users.Select(user => user.Email[(user.Email.IndexOf('@') + 1)..]).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            SeedRecords.Add(state, org, "/v1/email-domains", null, new() { ["domain"] = "mail." + domain });
        }
    }
}
