using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using TeGen.Sandbox.Formats;
using TeGen.Sandbox.Replies;
using TeGen.Sandbox.Spec;
using TeGen.Sandbox.Store;

namespace TeGen.Sandbox.Domain;

// /v1/webhook-subscriptions: an absolute HTTPS url (http allowed on loopback, SandboxWebhookOptions.AllowLoopbackHttp),
// actions among /v1/webhook-actions (an update adds them, remove_actions takes them away), a secret of at most 255
// characters (the spec says so; a PATCH naming one rotates it). Never deduplicated. Notifications: WebhookEvents.
internal sealed class WebhookSubscriptionRules(Shape? item) : RecordResource(Path, item)
{
    public const string Path = "/v1/webhook-subscriptions";

    private const int MaxSecretLength = 255;

    public override TeReply Create(TeCall call)
    {
        var row = call.New(new GenericRecord { Id = Table(call.Store).NextId().ToString(CultureInfo.InvariantCulture), NumericId = true, OwnerId = call.Caller.User?.Id });
        Apply(call, row);
        return Created(call, row);
    }

    protected override TeReply Change(TeCall call, GenericRecord row)
    {
        Apply(call, row);
        return TeReply.EmptyArray();
    }

    private void Apply(TeCall call, GenericRecord row)
    {
        var values = PlainMembers(call.Body, ["actions"]);
        if (values.TryGetValue("url", out var url))
        {
            CheckUrl(call, TeValues.Text(url));
        }

        if (TeValues.Text(values.GetValueOrDefault("secret")) is { Length: > MaxSecretLength })
        {
            throw call.Invalid("secret", $"is longer than {MaxSecretLength} characters");
        }

        var actions = new JsonArray([.. (row.Fields.GetValueOrDefault("actions") as JsonArray ?? []).Select(pair => pair?.DeepClone())]);
        foreach (var pair in call.Body["actions"] as JsonArray ?? [])
        {
            var known = call.Options.Webhooks.Actions.FirstOrDefault(action => WebhookEvents.Is(pair, action.Item, action.Action));
            if (known == default)
            {
                throw call.Invalid("actions", $"{WebhookEvents.Describe(pair)} is not one of /v1/webhook-actions");
            }

            if (!actions.Any(existing => WebhookEvents.Is(existing, known.Item, known.Action)))
            {
                actions.Add(new JsonObject { ["item"] = known.Item, ["action"] = known.Action });
            }
        }

        foreach (var pair in call.Body["remove_actions"] as JsonArray ?? [])
        {
            foreach (var existing in actions.Where(existing => WebhookEvents.Is(existing, TeValues.Text(TeValues.Member(pair, "item")) ?? "", TeValues.Text(TeValues.Member(pair, "action")) ?? "")).ToList())
            {
                actions.Remove(existing);
            }
        }

        values["actions"] = actions;
        Attributes.Assign(row, values);
    }

    private static void CheckUrl(TeCall call, string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && call.Options.Webhooks.AllowLoopbackHttp && IsLoopback(uri))))
        {
            throw call.Invalid("url", "must be an absolute https URL");
        }
    }

    public static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
