using System.Globalization;
using System.Text.Json.Nodes;
using TeGen.Sandbox.Formats;
using TeGen.Sandbox.Replies;
using TeGen.Sandbox.Spec;
using TeGen.Sandbox.Store;

namespace TeGen.Sandbox.Domain;

// /v1/email-archive/{message_id}: the sandbox's archive is seeded (EngagementSeeds), each record stored as TE answers
// it, {items: message, links: fixed}. The id is the raw message number or TE's `id-{orgId}-{msgId}`, the organization
// number being its place among the sandbox's organizations (1 for the first); another organization's number is 404.
// `filter=user_id=N` answers only a message of that user; a user sees only their own messages.
internal sealed class EmailArchiveRules(Shape? item) : RecordResource("/v1/email-archive", item)
{
    public override StoredEntity Find(TeCall call)
    {
        var message = MessageNumber(call) is { } number && Table(call.Store).Find(number) is { } row && row.Org == call.Org.Name ? row : throw call.NotFound();
        var sender = TeValues.Member(TeValues.Member(message.Fields.GetValueOrDefault("items"), "user"), "id");
        long? wanted = call.Caller.User?.Id;
        foreach (var condition in call.Query["filter"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (name, value) = condition.Split('=', 2) is [var n, var v] ? (n, v) : (condition, "");
            if (name != "user_id" || !long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var user))
            {
                throw TeErrors.BadRequest($"Invalid filter: '{condition}' (the archive filters on user_id only)");
            }

            wanted = wanted is { } caller && caller != user ? -1 : user;
        }

        return wanted is null || (TeValues.TryParseInt(sender, out var id) && id == wanted) ? message : throw call.NotFound();
    }

    public static JsonObject Answer(JsonObject message) => new()
    {
        ["items"] = message,
        ["links"] = new JsonObject { ["first"] = 1, ["last"] = 1, ["next"] = null, ["prev"] = null },
    };

    private static string? MessageNumber(TeCall call)
    {
        var id = call.RouteId ?? "";
        if (id.All(char.IsAsciiDigit) && id.Length > 0)
        {
            return id.TrimStart('0');
        }

        var parts = id.Split('-');
        var orgNumber = call.State.Tenants.Organizations.ToList().IndexOf(call.Org) + 1;
        return parts is ["id", var org, var number] && org == orgNumber.ToString(CultureInfo.InvariantCulture) && number.Length > 0 && number.All(char.IsAsciiDigit)
            ? number.TrimStart('0')
            : null;
    }
}
