using System.Globalization;
using System.Text.Json.Nodes;
using TeGen.Sandbox.Formats;
using TeGen.Sandbox.Replies;
using TeGen.Sandbox.Spec;
using TeGen.Sandbox.Store;

namespace TeGen.Sandbox.Domain;

// /v1/email-unsubscribes: one record per address in the organization. TE has no update operation, yet its create
// takes remove_users and remove_domains: a create for an address already unsubscribed therefore changes that record
// (POST-as-PATCH, 200 duplicate; inferred, TeSandboxOptions.DeduplicateEmailUnsubscribes). Users are named as owners are, domains by id or `domain` among the
// organization's sending domains. Timestamps are ISO 8601 with microseconds, as TE's example shows.
internal sealed class UnsubscribeRules(Shape? item) : RecordResource("/v1/email-unsubscribes", item)
{
    public override TeReply Create(TeCall call)
    {
        var email = TeValues.Text(call.Require("email"))!.Trim();
        var existing = call.Options.DeduplicateEmailUnsubscribes ? Rows(call).FirstOrDefault(row => TeValues.SameText(row.Text("email"), email)) : null;
        var row = existing ?? call.New(new GenericRecord { Id = Table(call.Store).NextId().ToString(CultureInfo.InvariantCulture), NumericId = true });
        if (existing is null)
        {
            row.Fields["email"] = email;
            row.Fields["organization_wide"] = false;
            row.Fields["created_at"] = Stamp(call.Now);
        }

        if (call.Body["organization_wide"] is { } organizationWide)
        {
            row.Fields["organization_wide"] = organizationWide.DeepClone();
        }

        row.Fields["users"] = Merge(row.Fields.GetValueOrDefault("users"), call.Body["users"], call.Body["remove_users"], node => User(call, node, "users"), node => User(call, node, "remove_users"));
        row.Fields["domains"] = Merge(row.Fields.GetValueOrDefault("domains"), call.Body["domains"], call.Body["remove_domains"], node => Domain(call, node, "domains"), node => Domain(call, node, "remove_domains"));
        row.Fields["updated_at"] = Stamp(call.Now);
        ActivityFeed.Record(call, "email_unsubscribed", $"{email} unsubscribed");
        var reply = existing is not null ? Duplicate(call, call.Stamp(existing)) : Created(call, row);

        // TE's EMAIL_UNSUBSCRIBE UPDATED, for a new unsubscribe and a changed one alike; its hash covers what the
        // record says, not when, so a repeat that changes nothing carries the same hashValue.
        var content = new JsonObject(row.Fields
            .Where(field => field.Key is not ("created_at" or "updated_at"))
            .OrderBy(field => field.Key, StringComparer.Ordinal)
            .Select(field => KeyValuePair.Create(field.Key, field.Value?.DeepClone())));
        WebhookEvents.EmailUnsubscribeUpdated(call.State, row.Org, long.Parse(row.Id, CultureInfo.InvariantCulture), content);
        return reply;
    }

    // "2021-01-28T16:21:40.000000Z"
    public static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    // The current list plus the added targets, minus the removed ones, each target once (compared by id).
    private static JsonArray Merge(JsonNode? current, JsonNode? added, JsonNode? removed, Func<JsonNode?, JsonObject> resolve, Func<JsonNode?, JsonObject> resolveRemoved)
    {
        var list = (current as JsonArray ?? []).Select(node => node!.AsObject().DeepClone().AsObject()).ToList();
        foreach (var target in (added as JsonArray ?? []).Select(resolve))
        {
            if (!list.Any(entry => Same(entry, target)))
            {
                list.Add(target);
            }
        }

        var gone = (removed as JsonArray ?? []).Select(resolveRemoved).ToList();
        return [.. list.Where(entry => !gone.Any(target => Same(entry, target)))];
    }

    private static bool Same(JsonObject a, JsonObject b) => a["id"]?.ToJsonString() == b["id"]?.ToJsonString();

    private static JsonObject User(TeCall call, JsonNode? node, string relationship) => UserRefs.Json(UserRefs.Resolve(node, call.Org, relationship));

    private static JsonObject Domain(TeCall call, JsonNode? node, string relationship)
    {
        var domains = call.Store.Collection("/v1/email-domains").Rows.Where(row => row.Org == call.Org.Name);
        var domain = References.Resolve(node, domains, row => long.Parse(row.Id, CultureInfo.InvariantCulture), [("domain", row => row.Text("domain"))], relationship);
        return new JsonObject { ["id"] = domain.IdNode.DeepClone(), ["domain"] = domain.Text("domain") };
    }
}
