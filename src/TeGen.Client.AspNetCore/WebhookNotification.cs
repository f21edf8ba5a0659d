using System.Text.Json;

namespace TeGen.Client.AspNetCore;

// TE's notification body, {"item", "action", "id", "hashValue", "secret"}, read strictly enough to refuse anything
// else with 400: an object; item, action and hashValue non-empty strings; id a whole number (or a string of digits).
internal sealed record WebhookNotification(string Item, string Action, long Id, string HashValue, string? Secret)
{
    public static WebhookNotification? Parse(ReadOnlySpan<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || Text(root, "item") is not { } item
                || Text(root, "action") is not { } action
                || Text(root, "hashValue") is not { } hash
                || !root.TryGetProperty("id", out var id) || WholeNumber(id) is not { } number)
            {
                return null;
            }

            var secret = root.TryGetProperty("secret", out var given) && given.ValueKind == JsonValueKind.String ? given.GetString() : null;
            return new WebhookNotification(item, action, number, hash, secret);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public TotalExpertWebhookEvent ToEvent() => (Item.ToUpperInvariant(), Action.ToUpperInvariant()) switch
    {
        ("CONTACT", "CREATED") => new ContactCreated(Id, HashValue),
        ("CONTACT", "UPDATED") => new ContactUpdated(Id, HashValue),
        ("CONTACT", "DELETED") => new ContactDeleted(Id, HashValue),
        ("EMAIL_UNSUBSCRIBE", "UPDATED") => new EmailUnsubscribeUpdated(Id, HashValue),
        _ => new UnknownTotalExpertWebhookEvent(Item, Action, Id, HashValue),
    };

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;

    private static long? WholeNumber(JsonElement id) => id.ValueKind switch
    {
        JsonValueKind.Number when id.TryGetInt64(out var number) => number,
        JsonValueKind.String when long.TryParse(id.GetString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) => number,
        _ => null,
    };
}
