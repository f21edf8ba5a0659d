using TeGen.Sandbox.Spec;

namespace TeGen.Sandbox.Domain;

// The rules of TE's webhook collections, for Resources to pick by path.
internal static class WebhookResources
{
    public static Resource? For(string collection, Shape? item) => collection switch
    {
        WebhookActionRules.Path => new WebhookActionRules(item),
        WebhookSubscriptionRules.Path => new WebhookSubscriptionRules(item),
        _ => null,
    };
}
