using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using TeGen.Sandbox.Formats;
using TeGen.Sandbox.Store;

namespace TeGen.Sandbox.Domain;

// Where a change becomes notifications: one per subscription of the record's organization naming the pair. The rules
// of contacts raise CONTACT events, those of e-mail unsubscribes EMAIL_UNSUBSCRIBE UPDATED.
internal static class WebhookEvents
{
    public const string Contact = "CONTACT";
    public const string EmailUnsubscribe = "EMAIL_UNSUBSCRIBE";
    public const string Created = "CREATED";
    public const string Updated = "UPDATED";
    public const string Deleted = "DELETED";

    // A contact's content: its members, owner, groups and custom values; a deleted contact's is marked deleted, so its
    // hashValue differs from the last update's (TE: the same hashValue means nothing changed).
    public static void ContactChanged(TeCall call, ContactRecord contact, string action)
    {
        var content = new JsonObject(contact.Fields.OrderBy(field => field.Key, StringComparer.Ordinal).Select(field => KeyValuePair.Create(field.Key, field.Value?.DeepClone())))
        {
            ["owner"] = contact.OwnerId,
            ["contact_groups"] = new JsonArray([.. contact.GroupIds.Order().Select(id => (JsonNode?)id)]),
            ["custom"] = new JsonObject(contact.Custom.OrderBy(field => field.Key, StringComparer.OrdinalIgnoreCase).Select(field => KeyValuePair.Create(field.Key, field.Value?.DeepClone()))),
            ["deleted"] = action == Deleted,
        };
        Raise(call.State, contact.Org, Contact, action, contact.Id, content);
    }

    public static void EmailUnsubscribeUpdated(TeState state, string org, long id, JsonObject content) =>
        Raise(state, org, EmailUnsubscribe, Updated, id, content);

    public static void Raise(TeState state, string org, string item, string action, long id, JsonObject content)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content.ToJsonString())));
        var now = state.Clock.GetUtcNow();
        foreach (var subscription in state.Store.Collection(WebhookSubscriptionRules.Path).Rows.Where(row => row.Org == org && Subscribes(row, item, action)))
        {
            state.Webhooks.Add(new OutgoingWebhook(subscription.Key, subscription.Text("url") ?? "", new JsonObject
            {
                ["item"] = item,
                ["action"] = action,
                ["id"] = id,
                ["hashValue"] = hash,
                ["secret"] = subscription.Text("secret"),
            }, now));
        }
    }

    public static bool Subscribes(StoredEntity subscription, string item, string action) =>
        subscription.Fields.GetValueOrDefault("actions") is JsonArray actions && actions.Any(pair => Is(pair, item, action));

    public static bool Is(JsonNode? pair, string item, string action) =>
        TeValues.SameText(TeValues.Text(TeValues.Member(pair, "item")), item) && TeValues.SameText(TeValues.Text(TeValues.Member(pair, "action")), action);

    public static string Describe(JsonNode? pair) =>
        string.Create(CultureInfo.InvariantCulture, $"{TeValues.Text(TeValues.Member(pair, "item"))} {TeValues.Text(TeValues.Member(pair, "action"))}");
}
